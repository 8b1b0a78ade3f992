import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { DncEntry } from "@/lib/client/types";

export function useRemoveDncEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dncId: string) => apiFetch<DncEntry>(`/api/dnc/${encodeURIComponent(dncId)}`, { method: "DELETE" }),
    // Leads lists show whether each number is suppressed, so they are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dnc.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns.all }),
      ]),
  });
}
