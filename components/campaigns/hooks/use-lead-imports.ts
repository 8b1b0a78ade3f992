import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { LeadImportSummary, PageFilters } from "@/lib/client/types";

const POLL_MS = 2_000;

/** The campaign's import history; refreshes itself while any listed import is still processing. */
export function useLeadImports(campaignId: string, filters: PageFilters) {
  return useQuery({
    queryKey: campaignKeys.imports(campaignId, filters),
    queryFn: ({ signal }) =>
      apiFetchList<LeadImportSummary>(`/api/campaigns/${encodeURIComponent(campaignId)}/leads/imports`, {
        query: filters,
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.data.some((item) => item.status === "processing") ? POLL_MS : false,
  });
}
