import { methods, route } from "@/lib/api/handler";
import { loginSchema } from "@/lib/auth/schemas";
import { login } from "@/lib/auth/login";
import { clientAddress } from "@/lib/api/client-address";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "public", body: loginSchema, credentials: true }, ({ body, request }) =>
    login(body, clientAddress(request.headers)),
  ),
});
