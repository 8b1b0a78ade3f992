import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateMeInput } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";
import { mergePatch } from "@/lib/users/merge-patch";

export async function updateMe(ctx: AuthContext, input: UpdateMeInput) {
  const prisma = await db();
  const user = await prisma.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    const preferences = input.preferences ? mergePatch(current.preferences, input.preferences) : undefined;
    const updated = await tx.user.update({
      where: { id: current.id },
      data: { name: input.name, preferences: preferences as Prisma.InputJsonValue | undefined },
    });
    await recordAudit(tx, ctx, "user.profile_updated", { type: "user", id: current.id }, {
      fields: Object.keys(input),
    });
    return updated;
  });
  return serializeUser(user);
}
