import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { DncEntry, DncListFilters } from "@/lib/client/types";

export function useDncEntries(filters: DncListFilters) {
  return useQuery({
    queryKey: queryKeys.dnc.list(filters),
    queryFn: ({ signal }) => apiFetchList<DncEntry>("/api/dnc", { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}
