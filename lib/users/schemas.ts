import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schemas";

export const roleSchema = z.enum(["admin", "manager", "agent"]);
export const userStatusSchema = z.enum(["active", "inactive"]);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, "Must be an IANA time zone name, e.g. America/New_York");

export const MAX_PREFERENCES_BYTES = 16 * 1024;

/** Preferences are a JSON merge patch (RFC 7386): objects merge deeply, null removes a key. */
export const preferencesPatchSchema = z
  .looseObject({
    timezone: timeZoneSchema.nullable().optional(),
    notifications: z.boolean().nullable().optional(),
  })
  .refine((p) => JSON.stringify(p).length <= MAX_PREFERENCES_BYTES, `Preferences must be under ${MAX_PREFERENCES_BYTES} bytes`);

export const userIdParams = z.object({ user_id: z.string().min(1).max(64) });

export const updateMeSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  preferences: preferencesPatchSchema.optional(),
});
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const listUsersQuery = paginationQuery(["created_at", "name", "email", "role", "last_login_at"]).extend({
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  search: z.string().trim().max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one of name, role, status");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
