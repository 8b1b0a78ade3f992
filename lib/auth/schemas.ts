import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

export const emailSchema = z
  .email("Must be a valid email address")
  .max(254)
  .transform((e) => e.toLowerCase());

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.strictObject({ refresh_token: z.string().min(1).max(200) });
export const logoutSchema = refreshSchema;

export const registerSchema = z.strictObject({
  organization_name: z.string().trim().min(2).max(100),
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  password: newPasswordSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;
