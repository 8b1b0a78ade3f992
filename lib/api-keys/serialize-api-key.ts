import type { ApiKey, User } from "@/lib/generated/prisma/client";

export function serializeApiKey(key: ApiKey & { user?: Pick<User, "id" | "name" | "email"> }) {
  return {
    api_key_id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    status: key.revokedAt ? ("revoked" as const) : ("active" as const),
    created_by: key.user ? { user_id: key.user.id, name: key.user.name, email: key.user.email } : { user_id: key.userId },
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
  };
}
export type ApiKeyResponse = ReturnType<typeof serializeApiKey>;
