import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { CreateUserInput } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";
import { emailTakenError, isUniqueViolation } from "@/lib/users/email-taken-error";

export async function createUser(ctx: AuthContext, input: CreateUserInput) {
  if (input.role === "admin" && ctx.user.role !== "admin") {
    throw new ApiError("AUTH_003", "Only admins can create admins", { field: "role" });
  }
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          id: newId("user"),
          organizationId: ctx.organization.id,
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          preferences: { timezone: ctx.organization.timezone, notifications: true },
        },
      });
      await recordAudit(tx, ctx, "user.created", { type: "user", id: created.id }, { role: created.role, email: created.email });
      return created;
    });
    return serializeUser(user);
  } catch (error) {
    throw isUniqueViolation(error) ? emailTakenError() : error;
  }
}
