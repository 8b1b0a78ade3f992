import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { ApiKey, ApiKeyListFilters } from "@/lib/client/types";

export function useApiKeys(filters: ApiKeyListFilters) {
  return useQuery({
    queryKey: queryKeys.apiKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetchList<ApiKey>("/api/api-keys", {
        query: { ...filters, sort: "created_at", order: "desc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
