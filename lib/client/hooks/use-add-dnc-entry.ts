import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { AddDncBody, DncEntry } from "@/lib/client/types";

export function useAddDncEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddDncBody) => apiFetch<DncEntry>("/api/dnc", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.dnc.all }),
  });
}
