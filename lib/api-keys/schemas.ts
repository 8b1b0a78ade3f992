import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { PERMISSIONS } from "@/lib/auth/permissions";

export const apiKeyIdParams = z.object({ api_key_id: z.string().min(1).max(64) });

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Defaults to every permission of the creator's role; never more than that. */
  scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length).optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const listApiKeysQuery = paginationQuery(["created_at", "name", "last_used_at"]).extend({
  status: z.enum(["active", "suspended", "revoked"]).optional(),
});
export type ListApiKeysQuery = z.infer<typeof listApiKeysQuery>;
