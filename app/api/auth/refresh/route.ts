import { methods, route } from "@/lib/api/handler";
import { refreshSchema } from "@/lib/auth/schemas";
import { rotateRefreshToken } from "@/lib/auth/sessions";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "public", body: refreshSchema, credentials: true }, ({ body }) => rotateRefreshToken(body.refresh_token)),
});
