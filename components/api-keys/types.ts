// The API-keys area's wire shapes, from the server's zod schemas (response schemas in
// lib/api-keys/operations.ts, the request schema the route validates with). Only client-side state
// (list filters) is written here.
import type { apiKeyResponse, createdApiKeyResponse } from "@/lib/api-keys/operations";
import type { createApiKeySchema } from "@/lib/api-keys/schemas";
import type { z } from "zod";

export type ApiKey = z.output<typeof apiKeyResponse>;
/** Only the create response carries `key`, the secret; it is never returned again (an Idempotency-Key
 *  replay omits it, which the dashboard never sends). */
export type CreatedApiKey = z.output<typeof createdApiKeyResponse> & { key: string };

export type ApiKeyListFilters = {
  status?: ApiKey["status"];
  page: number;
  limit: number;
};

export type CreateApiKeyBody = z.input<typeof createApiKeySchema>;
