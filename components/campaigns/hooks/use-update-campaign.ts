import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { Campaign, UpdateCampaignBody } from "@/lib/client/types";

/** Settings edits and status changes (start, pause, resume, complete, cancel) alike. */
export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) =>
      apiFetch<Campaign>(`/api/campaigns/${encodeURIComponent(campaignId)}`, { method: "PUT", body }),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaignId), campaign);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.lists() });
    },
  });
}
