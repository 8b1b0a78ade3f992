// API keys as the OpenAPI document describes them.
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { apiKeyIdParams, createApiKeySchema, listApiKeysQuery } from "@/lib/api-keys/schemas";

export const apiKeyResponse = z
  .object({
    api_key_id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    status: z.enum(["active", "suspended", "revoked"]).meta({ description: "suspended: its creator is deactivated (it works again if they are reactivated)" }),
    created_by: z.object({ user_id: z.string(), name: z.string().optional(), email: z.string().optional() }),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "ApiKey" });
export const createdApiKeyResponse = apiKeyResponse
  .extend({ key: z.string().optional().meta({ description: "The secret (`vk_…`), shown once. Absent in an Idempotency-Key replay: secrets are never stored." }) })
  .meta({ id: "CreatedApiKey" });

export const API_KEY_OPERATIONS = defineOperations([
  { method: "GET", path: "/api/api-keys", operationId: "listApiKeys", summary: "API keys of your organization", tag: "API keys", auth: "user", permission: "api_keys.manage", query: listApiKeysQuery, response: { kind: "json", status: 200, schema: apiKeyResponse, list: true } },
  { method: "POST", path: "/api/api-keys", operationId: "createApiKey", summary: "Create an API key (its secret is shown once)", tag: "API keys", auth: "user", permission: "api_keys.manage", body: createApiKeySchema, response: { kind: "json", status: 201, schema: createdApiKeyResponse } },
  { method: "DELETE", path: "/api/api-keys/{api_key_id}", operationId: "revokeApiKey", summary: "Revoke an API key", tag: "API keys", auth: "user", permission: "api_keys.manage", params: apiKeyIdParams, response: { kind: "json", status: 200, schema: apiKeyResponse } },
]);
