import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { dncKeys } from "@/components/dnc/query-keys";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { DncEntry } from "@/components/dnc/types";

export function useRemoveDncEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dncId: string) => apiFetch<DncEntry>(`/api/dnc/${encodeURIComponent(dncId)}`, { method: "DELETE" }),
    // Leads lists show whether each number is suppressed, so they are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dncKeys.all }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      ]),
  });
}
