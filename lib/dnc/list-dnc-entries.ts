import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListDncQuery } from "@/lib/dnc/schemas";
import { serializeDnc } from "@/lib/dnc/serialize-dnc";

const SORT_COLUMNS = { created_at: "createdAt", phone_number: "phone" } as const;

export async function listDncEntries(ctx: AuthContext, q: ListDncQuery) {
  const prisma = await db();
  const digits = q.search?.replace(/[^\d+]/g, "");
  const where: Prisma.DncEntryWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.source ? { source: q.source } : {}),
    ...(q.search
      ? { OR: [{ phone: { contains: digits || q.search } }, { reason: { contains: q.search, mode: "insensitive" } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.dncEntry.findMany({ where, orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.dncEntry.count({ where }),
  ]);
  return new Page(rows.map(serializeDnc), total, q);
}
