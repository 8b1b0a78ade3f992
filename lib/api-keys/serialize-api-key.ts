import type { z } from "zod";
import type { apiKeyResponse } from "@/lib/api-keys/operations";
import type { ApiKey, User } from "@/lib/generated/prisma/client";

/** A key acts as its creator, so it stops working while the creator is deactivated: "suspended"
 *  (back to "active" if the user is reactivated), unlike "revoked", which is final. */
function keyStatus(key: ApiKey & { user?: Pick<User, "status"> }) {
  if (key.revokedAt) return "revoked" as const;
  if (key.user && key.user.status !== "active") return "suspended" as const;
  return "active" as const;
}

export function serializeApiKey(key: ApiKey & { user?: Pick<User, "id" | "name" | "email" | "status"> }): z.output<typeof apiKeyResponse> {
  return {
    api_key_id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    status: keyStatus(key),
    created_by: key.user ? { user_id: key.user.id, name: key.user.name, email: key.user.email } : { user_id: key.userId },
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
  };
}
export type ApiKeyResponse = ReturnType<typeof serializeApiKey>;
