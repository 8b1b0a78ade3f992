import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_PREFERENCES_BYTES, type UpdateMeInput } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";
import { mergePatch } from "@/lib/users/merge-patch";

export async function updateMe(ctx: AuthContext, input: UpdateMeInput) {
  const prisma = await db();
  const user = await prisma.$transaction(async (tx) => {
    // Lock the row: two concurrent merges must not lose each other's keys.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${ctx.user.id} FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    const preferences = input.preferences ? mergePatch(current.preferences, input.preferences) : undefined;
    if (preferences !== undefined && JSON.stringify(preferences).length > MAX_PREFERENCES_BYTES) {
      throw new ApiError("VALIDATION_003", `Preferences must stay under ${MAX_PREFERENCES_BYTES} bytes`, {
        fields: [{ field: "preferences", code: "VALIDATION_003", message: "Too large after merging" }],
      });
    }
    const updated = await tx.user.update({
      where: { id: current.id },
      data: { name: input.name, preferences: preferences as Prisma.InputJsonValue | undefined },
    });
    await recordAudit(tx, ctx, "user.profile_updated", { type: "user", id: current.id }, { fields: Object.keys(input) });
    return updated;
  });
  return serializeUser(user);
}
