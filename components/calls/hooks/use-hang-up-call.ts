import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import { callPath } from "@/components/calls/hooks/use-call";
import type { Call } from "@/components/calls/types";

/** Asks the provider to hang up; the call ends when its "completed" callback arrives (the detail polls). */
export function useHangUpCall(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<Call>(`${callPath(callId)}/hangup`, { method: "POST" }),
    onSuccess: (call) => {
      queryClient.setQueryData(callKeys.detail(call.call_id), call);
      return queryClient.invalidateQueries({ queryKey: callKeys.lists() });
    },
  });
}
