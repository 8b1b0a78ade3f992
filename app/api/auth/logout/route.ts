import { methods, route } from "@/lib/api/handler";
import { logoutSchema } from "@/lib/auth/schemas";
import { logout } from "@/lib/auth/sessions";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "public", body: logoutSchema }, ({ body }) => logout(body.refresh_token)),
});
