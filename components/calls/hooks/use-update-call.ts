import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import { callPath } from "@/components/calls/hooks/use-call";
import type { Call, UpdateCallBody } from "@/components/calls/types";

/** Records a disposition, the customer's satisfaction or notes (PUT /api/calls/{id}, calls.update). */
export function useUpdateCall(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCallBody) => apiFetch<Call>(callPath(callId), { method: "PUT", body }),
    onSuccess: (call) => {
      queryClient.setQueryData(callKeys.detail(call.call_id), call);
      return queryClient.invalidateQueries({ queryKey: callKeys.lists() });
    },
  });
}
