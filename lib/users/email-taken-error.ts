import { ApiError } from "@/lib/api/errors";

/** Emails are unique across the platform (they are the sign-in name). */
export function emailTakenError(): ApiError {
  return new ApiError("RESOURCE_002", "A user with this email already exists", {
    fields: [{ field: "email", code: "RESOURCE_002", message: "Already in use" }],
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
