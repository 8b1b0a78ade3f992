import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { CreateUserInput } from "@/lib/users/schemas";
import { serializeUser } from "@/lib/users/serialize-user";

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
    // Emails are unique across the platform (they are the sign-in name).
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError("RESOURCE_002", "A user with this email already exists", {
        fields: [{ field: "email", code: "RESOURCE_002", message: "Already in use" }],
      });
    }
    throw error;
  }
}
