import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";

/** Another organization's user id is simply "not found". */
export async function getUserOrThrow(ctx: Pick<AuthContext, "organization">, userId: string) {
  const prisma = await db();
  const user = await prisma.user.findFirst({ where: { id: userId, organizationId: ctx.organization.id } });
  if (!user) throw new ApiError("RESOURCE_001", "User not found");
  return user;
}
