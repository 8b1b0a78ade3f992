import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { apiKeyKeys } from "@/components/api-keys/query-keys";
import type { ApiKey, ApiKeyListFilters } from "@/components/api-keys/types";

export function useApiKeys(filters: ApiKeyListFilters) {
  return useQuery({
    queryKey: apiKeyKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetchList<ApiKey>("/api/api-keys", {
        query: { ...filters, sort: "created_at", order: "desc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
