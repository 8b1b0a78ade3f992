import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { CampaignAnalytics, CampaignAnalyticsFilters } from "@/lib/client/types";

export function useCampaignAnalytics(campaignId: string, filters: CampaignAnalyticsFilters, enabled = true) {
  return useQuery({
    queryKey: campaignKeys.analytics(campaignId, filters),
    queryFn: ({ signal }) =>
      apiFetch<CampaignAnalytics>(`/api/campaigns/${encodeURIComponent(campaignId)}/analytics`, { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
