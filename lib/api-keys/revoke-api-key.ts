import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { serializeApiKey } from "@/lib/api-keys/serialize-api-key";

const USER_FIELDS = { id: true, name: true, email: true, role: true, status: true } as const;

/** Revocation takes effect on the key's next request. Revoking twice is harmless and returns the key. */
export async function revokeApiKey(ctx: AuthContext, apiKeyId: string) {
  const prisma = await db();
  const key = await prisma.$transaction(async (tx) => {
    const found = await tx.apiKey.findFirst({
      where: { id: apiKeyId, organizationId: ctx.organization.id },
      include: { user: { select: USER_FIELDS } },
    });
    if (!found) throw new ApiError("RESOURCE_001", "API key not found");
    // The same rule as for users: only admins act on what belongs to admins.
    if (found.user.role === "admin" && ctx.user.role !== "admin") {
      throw new ApiError("AUTH_003", "Only admins can revoke an admin's API key");
    }
    if (found.revokedAt) return found;
    const revoked = await tx.apiKey.update({
      where: { id: found.id },
      data: { revokedAt: new Date() },
      include: { user: { select: USER_FIELDS } },
    });
    await recordAudit(tx, ctx, "api_key.revoked", { type: "api_key", id: found.id }, { name: found.name });
    return revoked;
  });
  return serializeApiKey(key);
}
