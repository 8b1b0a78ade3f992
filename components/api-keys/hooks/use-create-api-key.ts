import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { apiKeyKeys } from "@/components/api-keys/query-keys";
import type { CreateApiKeyBody, CreatedApiKey } from "@/components/api-keys/types";

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => apiFetch<CreatedApiKey>("/api/api-keys", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
