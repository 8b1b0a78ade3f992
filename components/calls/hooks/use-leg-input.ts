import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callPath } from "@/components/calls/hooks/use-call";
import type { LegInput } from "@/components/calls/live-types";

/** What you say on your browser leg ({text}), or your hang-up ({hangup: true}). */
export function useLegInput(callId: string) {
  return useMutation({
    mutationFn: (body: LegInput) => apiFetch<{ accepted: boolean }>(`${callPath(callId)}/leg`, { method: "POST", body }),
  });
}
