import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { CampaignAnalytics, CampaignAnalyticsFilters } from "@/lib/client/types";

export function useCampaignAnalytics(campaignId: string, filters: CampaignAnalyticsFilters, enabled = true) {
  return useQuery({
    queryKey: queryKeys.campaigns.analytics(campaignId, filters),
    queryFn: ({ signal }) =>
      apiFetch<CampaignAnalytics>(`/api/campaigns/${encodeURIComponent(campaignId)}/analytics`, { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
