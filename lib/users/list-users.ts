import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListUsersQuery } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";

const SORT_COLUMNS = {
  created_at: "createdAt",
  name: "name",
  email: "email",
  role: "role",
  last_login_at: "lastLoginAt",
} as const;

export async function listUsers(ctx: AuthContext, q: ListUsersQuery) {
  const prisma = await db();
  const where: Prisma.UserWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.search
      ? {
          OR: [
            { name: { contains: q.search, mode: "insensitive" } },
            { email: { contains: q.search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      // id as a tie-breaker keeps pages stable when many rows share a sort value.
      orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }],
      ...pageWindow(q),
    }),
    prisma.user.count({ where }),
  ]);
  return new Page(rows.map(serializeUser), total, q);
}
