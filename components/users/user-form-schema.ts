// The "Add user" form. lib/users/schemas.ts (createUserSchema) cannot be bundled for the browser: it
// imports the password rules from lib/auth/passwords, which loads argon2. This mirrors it; the API
// validates again and its field errors are shown on the same inputs.
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/permissions";

export const PASSWORD_MIN_LENGTH = 10;

export const addUserFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Must be at most 100 characters"),
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address")
    .pipe(z.email("Enter a valid email address"))
    .pipe(z.string().max(254, "Must be at most 254 characters")),
  role: z.enum(ROLES as [Role, ...Role[]], "Choose a role"),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(256, "Must be at most 256 characters"),
});

export type AddUserFormInput = z.input<typeof addUserFormSchema>;
export type AddUserFormOutput = z.output<typeof addUserFormSchema>;
