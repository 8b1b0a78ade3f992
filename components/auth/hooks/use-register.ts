import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";

export type RegisterBody = { organization_name: string; name: string; email: string; password: string };

/** Self-service sign-up; the page then signs in through next-auth for the dashboard cookie. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) => apiFetch<unknown>("/api/auth/register", { method: "POST", body }),
  });
}
