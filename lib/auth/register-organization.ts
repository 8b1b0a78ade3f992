import "server-only";
// Self-service sign-up: a new organization and its first admin, signed in as by login.
// ALLOW_SIGNUP=false turns it off for invite-only deployments.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/passwords";
import { issueSessionTokens } from "@/lib/auth/sessions";
import { organizationContext } from "@/lib/auth/authenticate";
import { recordAudit } from "@/lib/audit/record-audit";
import { emailTakenError, isUniqueViolation } from "@/lib/users/email-taken-error";
import type { RegisterInput } from "@/lib/auth/schemas";

export function signupAllowed(): boolean {
  return process.env.ALLOW_SIGNUP?.trim().toLowerCase() !== "false";
}

export async function registerOrganization(input: RegisterInput, requestId: string) {
  if (!signupAllowed()) throw new ApiError("RESOURCE_003", "Sign-up is disabled on this deployment");
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  const { org, user } = await prisma
    .$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: { id: newId("organization"), name: input.organization_name, plan: "standard" },
      });
      const user = await tx.user.create({
        data: {
          id: newId("user"),
          organizationId: org.id,
          email: input.email,
          name: input.name,
          role: "admin",
          passwordHash,
          preferences: { timezone: org.timezone, notifications: true },
          lastLoginAt: new Date(),
        },
      });
      await recordAudit(tx, { organization: organizationContext(org), actor: { kind: "user", id: user.id }, requestId }, "organization.created", {
        type: "organization",
        id: org.id,
      }, { name: org.name });
      return { org, user };
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailTakenError() : error;
    });
  const tokens = await issueSessionTokens(user);
  return {
    ...tokens,
    organization: { organization_id: org.id, name: org.name, plan: org.plan, timezone: org.timezone, default_country: org.defaultCountry },
  };
}
