import { methods, route } from "@/lib/api/handler";
import { apiKeyIdParams } from "@/lib/api-keys/schemas";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  DELETE: route({ permission: "api_keys.manage", params: apiKeyIdParams }, ({ ctx, params }) =>
    revokeApiKey(ctx, params.api_key_id),
  ),
});
