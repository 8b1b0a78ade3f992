import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { newApiKeySecret, sha256 } from "@/lib/auth/tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { serializeApiKey } from "@/lib/api-keys/serialize-api-key";

const PREFIX_LENGTH = 12;

/** The secret is in this response only; the database keeps its SHA-256 and a short visible prefix. */
export async function createApiKey(ctx: AuthContext, input: CreateApiKeyInput) {
  const scopes = input.scopes ?? [...ctx.permissions];
  const beyond = scopes.filter((s) => !ctx.permissions.has(s));
  if (beyond.length) {
    throw new ApiError("AUTH_003", "A key cannot have permissions its creator lacks", { scopes: beyond });
  }
  const secret = newApiKeySecret();
  const prisma = await db();
  const key = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        id: newId("apiKey"),
        organizationId: ctx.organization.id,
        userId: ctx.user.id,
        name: input.name,
        prefix: secret.slice(0, PREFIX_LENGTH),
        keyHash: sha256(secret),
        scopes: [...new Set(scopes)].sort(),
      },
      include: { user: { select: { id: true, name: true, email: true, status: true } } },
    });
    await recordAudit(tx, ctx, "api_key.created", { type: "api_key", id: created.id }, { name: created.name, scopes: created.scopes });
    return created;
  });
  return { ...serializeApiKey(key), key: secret };
}
