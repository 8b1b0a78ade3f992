import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { dncKeys } from "@/components/dnc/query-keys";
import type { DncEntry, DncListFilters } from "@/components/dnc/types";

export function useDncEntries(filters: DncListFilters) {
  return useQuery({
    queryKey: dncKeys.list(filters),
    queryFn: ({ signal }) => apiFetchList<DncEntry>("/api/dnc", { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}
