import { created, methods, route } from "@/lib/api/handler";
import { createApiKeySchema, listApiKeysQuery } from "@/lib/api-keys/schemas";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKey } from "@/lib/api-keys/create-api-key";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "api_keys.manage", query: listApiKeysQuery }, ({ ctx, query }) => listApiKeys(ctx, query)),
  POST: route({ permission: "api_keys.manage", body: createApiKeySchema, credentials: ["key"] }, async ({ ctx, body }) =>
    created(await createApiKey(ctx, body)),
  ),
});
