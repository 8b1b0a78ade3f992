import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { Campaign, CampaignListFilters } from "@/lib/client/types";

export function useCampaigns(filters: CampaignListFilters) {
  return useQuery({
    queryKey: campaignKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetchList<Campaign>("/api/campaigns", {
        query: { ...filters, sort: "created_at", order: "desc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
