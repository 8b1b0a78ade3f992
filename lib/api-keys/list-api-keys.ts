import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListApiKeysQuery } from "@/lib/api-keys/schemas";
import { serializeApiKey } from "@/lib/api-keys/serialize-api-key";

const SORT_COLUMNS = { created_at: "createdAt", name: "name", last_used_at: "lastUsedAt" } as const;

export async function listApiKeys(ctx: AuthContext, q: ListApiKeysQuery) {
  const prisma = await db();
  const where: Prisma.ApiKeyWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.status === "active"
      ? { revokedAt: null, user: { status: "active" } }
      : q.status === "suspended"
        ? { revokedAt: null, user: { status: { not: "active" } } }
        : q.status === "revoked"
          ? { revokedAt: { not: null } }
          : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.apiKey.findMany({
      where,
      include: { user: { select: { id: true, name: true, email: true, status: true } } },
      orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }],
      ...pageWindow(q),
    }),
    prisma.apiKey.count({ where }),
  ]);
  return new Page(rows.map(serializeApiKey), total, q);
}
