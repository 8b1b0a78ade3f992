import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import { callPath } from "@/components/calls/hooks/use-call";
import type { CallTransfer, TransferCallBody } from "@/components/calls/live-types";

/**
 * A warm transfer of a call in progress (POST /api/calls/{id}/transfer, calls.update). `to` your own
 * user id is "Take over": this tab becomes the person the call is dialed to.
 */
export function useTransferCall(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferCallBody) => apiFetch<CallTransfer>(`${callPath(callId)}/transfer`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: callKeys.detail(callId) }),
  });
}
