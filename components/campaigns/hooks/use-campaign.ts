import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { Campaign } from "@/lib/client/types";

export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal }) => apiFetch<Campaign>(`/api/campaigns/${encodeURIComponent(campaignId)}`, { signal }),
  });
}
