import { created, methods, route } from "@/lib/api/handler";
import { registerSchema } from "@/lib/auth/schemas";
import { registerOrganization } from "@/lib/auth/register-organization";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "public", body: registerSchema, credentials: ["token", "refresh_token"] }, async ({ body, requestId }) =>
    created(await registerOrganization(body, requestId)),
  ),
});
