// The users area's wire shapes, from the server's zod request schemas (see lib/client/types.ts for
// `User`, shared with the signed-in user's hooks). Only client-side state (list filters) is written here.
import type { Role } from "@/lib/auth/permissions";
import type { createUserSchema, updateUserSchema } from "@/lib/users/schemas";
import type { z } from "zod";

export type UserStatus = "active" | "inactive";

export type UserListFilters = {
  search?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  limit: number;
};

export type CreateUserBody = z.input<typeof createUserSchema>;
export type UpdateUserBody = z.input<typeof updateUserSchema>;
