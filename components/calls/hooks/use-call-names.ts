import { useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiFetch } from "@/lib/client/api-client";
import type { Campaign } from "@/lib/client/types";
import { agentKeys } from "@/components/agents/query-keys";
import { agentPath } from "@/components/agents/hooks/use-agent";
import type { Agent } from "@/components/agents/types";
import { campaignKeys } from "@/components/campaigns/query-keys";
import { callKeys } from "@/components/calls/query-keys";
import type { Call, CallSummary, CallsPage } from "@/components/calls/types";

/** The call's row in a list already loaded (the usual way in is from the list, which carries names). */
function cachedSummary(queryClient: ReturnType<typeof useQueryClient>, callId: string): CallSummary | null {
  for (const [, data] of queryClient.getQueriesData<InfiniteData<CallsPage>>({ queryKey: callKeys.lists() })) {
    for (const page of data?.pages ?? []) {
      const found = page.data.find((c) => c.call_id === callId);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Names for the call's lead, campaign and agent: the detail's own if it carries them, else the list's
 * row, else (campaign and agent) their own reads, shared with those areas' caches. null: unknown.
 */
export function useCallNames(call: Call): { lead: string | null; campaign: string | null; agent: string | null } {
  const queryClient = useQueryClient();
  const summary = useMemo(() => cachedSummary(queryClient, call.call_id), [queryClient, call.call_id]);
  const known = {
    lead: call.lead_name ?? summary?.lead_name ?? null,
    campaign: call.campaign_name ?? summary?.campaign_name ?? null,
    agent: call.agent_name ?? summary?.agent_name ?? null,
  };
  const campaign = useQuery({
    queryKey: campaignKeys.detail(call.campaign_id ?? ""),
    queryFn: ({ signal }) => apiFetch<Campaign>(`/api/campaigns/${encodeURIComponent(call.campaign_id ?? "")}`, { signal }),
    enabled: Boolean(call.campaign_id) && !known.campaign,
  });
  const agent = useQuery({
    queryKey: agentKeys.detail(call.agent_id ?? ""),
    queryFn: ({ signal }) => apiFetch<Agent>(agentPath(call.agent_id ?? ""), { signal }),
    enabled: Boolean(call.agent_id) && !known.agent,
  });
  return {
    lead: known.lead?.trim() || null,
    campaign: known.campaign ?? campaign.data?.name ?? null,
    agent: known.agent ?? agent.data?.name ?? null,
  };
}
