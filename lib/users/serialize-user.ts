import type { z } from "zod";
import type { userResponse } from "@/lib/users/operations";
import { permissionsForRole } from "@/lib/auth/permissions";
import type { User } from "@/lib/generated/prisma/client";

/** The spec's user shape ("User Service API"), snake_case on the wire. */
export function serializeUser(user: User): z.output<typeof userResponse> {
  return {
    user_id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    organization_id: user.organizationId,
    permissions: permissionsForRole(user.role),
    preferences: user.preferences as Record<string, unknown>,
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}
export type UserResponse = ReturnType<typeof serializeUser>;
