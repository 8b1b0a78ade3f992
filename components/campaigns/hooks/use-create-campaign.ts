import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { CreateCampaignBody, CreatedCampaign } from "@/lib/client/types";

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => apiFetch<CreatedCampaign>("/api/campaigns", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.lists() }),
  });
}
