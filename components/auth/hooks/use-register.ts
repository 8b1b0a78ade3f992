import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import type { registerSchema } from "@/lib/auth/schemas";

export type RegisterBody = z.input<typeof registerSchema>;

/** Self-service sign-up; the page then signs in through next-auth for the dashboard cookie. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) => apiFetch<unknown>("/api/auth/register", { method: "POST", body }),
  });
}
