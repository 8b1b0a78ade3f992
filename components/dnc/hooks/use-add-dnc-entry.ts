import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { dncKeys } from "@/components/dnc/query-keys";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { AddDncBody, DncEntry } from "@/components/dnc/types";

export function useAddDncEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddDncBody) => apiFetch<DncEntry>("/api/dnc", { method: "POST", body }),
    // Leads lists show whether each number is suppressed, so they are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dncKeys.all }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      ]),
  });
}
