import { methods, route } from "@/lib/api/handler";
import { loginSchema } from "@/lib/auth/schemas";
import { login } from "@/lib/auth/login";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "public", body: loginSchema }, ({ body }) => login(body)),
});
