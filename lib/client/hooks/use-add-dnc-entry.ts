import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { AddDncBody, DncEntry } from "@/lib/client/types";

export function useAddDncEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddDncBody) => apiFetch<DncEntry>("/api/dnc", { method: "POST", body }),
    // Leads lists show whether each number is suppressed, so they are stale too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dnc.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns.all }),
      ]),
  });
}
