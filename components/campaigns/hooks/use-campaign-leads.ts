import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { Lead, LeadListFilters } from "@/lib/client/types";

export function useCampaignLeads(campaignId: string, filters: LeadListFilters) {
  return useQuery({
    queryKey: campaignKeys.leads(campaignId, filters),
    queryFn: ({ signal }) =>
      apiFetchList<Lead>(`/api/campaigns/${encodeURIComponent(campaignId)}/leads`, {
        query: { ...filters, sort: "created_at", order: "desc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
