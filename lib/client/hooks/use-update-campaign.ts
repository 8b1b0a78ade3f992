import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { Campaign, UpdateCampaignBody } from "@/lib/client/types";

/** Settings edits and status changes (start, pause, resume, complete, cancel) alike. */
export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) =>
      apiFetch<Campaign>(`/api/campaigns/${encodeURIComponent(campaignId)}`, { method: "PUT", body }),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(queryKeys.campaigns.detail(campaignId), campaign);
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns.lists() });
    },
  });
}
