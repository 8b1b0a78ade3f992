import "server-only";
// Role/status changes by admins and managers. The last active admin can be neither demoted nor
// deactivated; the check locks the organization's admin rows so two concurrent demotions cannot both pass.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { AuthContext } from "@/lib/auth/context";
import type { UpdateUserInput } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";
import { getUserOrThrow } from "@/lib/users/get-user-or-throw";

export async function updateUser(ctx: AuthContext, userId: string, input: UpdateUserInput) {
  const target = await getUserOrThrow(ctx, userId);
  if (ctx.user.role !== "admin" && (target.role === "admin" || input.role === "admin")) {
    throw new ApiError("AUTH_003", "Only admins can change admins or grant the admin role");
  }
  if (target.id === ctx.user.id && input.status === "inactive") {
    throw new ApiError("RESOURCE_003", "You cannot deactivate your own account", {
      fields: [{ field: "status", code: "RESOURCE_003", message: "Cannot deactivate yourself" }],
    });
  }
  const losesAdmin =
    target.role === "admin" && target.status === "active" &&
    ((input.role !== undefined && input.role !== "admin") || input.status === "inactive");

  const prisma = await db();
  const updated = await prisma.$transaction(async (tx) => {
    if (losesAdmin) {
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM users
        WHERE organization_id = ${ctx.organization.id} AND role = 'admin' AND status = 'active'
        FOR UPDATE`;
      if (admins.length <= 1) {
        throw new ApiError("RESOURCE_003", "The organization's last active admin cannot be demoted or deactivated", {
          fields: [{ field: input.status === "inactive" ? "status" : "role", code: "RESOURCE_003", message: "Last active admin" }],
        });
      }
    }
    const user = await tx.user.update({
      where: { id: target.id },
      data: { name: input.name, role: input.role, status: input.status },
    });
    const changes = Object.fromEntries(
      (["name", "role", "status"] as const)
        .filter((k) => input[k] !== undefined && input[k] !== target[k])
        .map((k) => [k, { from: target[k], to: input[k] ?? null }]),
    );
    await recordAudit(tx, ctx, "user.updated", { type: "user", id: user.id }, changes);
    return user;
  });
  if (updated.status === "inactive") await revokeUserSessions(updated.id, "deactivated");
  return serializeUser(updated);
}
