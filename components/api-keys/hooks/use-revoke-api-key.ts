import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { apiKeyKeys } from "@/components/api-keys/query-keys";
import type { ApiKey } from "@/components/api-keys/types";

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) =>
      apiFetch<ApiKey>(`/api/api-keys/${encodeURIComponent(apiKeyId)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
