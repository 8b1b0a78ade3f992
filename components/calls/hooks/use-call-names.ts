import { useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiFetch, apiFetchList } from "@/lib/client/api-client";
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
 * row, else their own reads (the campaign and agent shared with those areas' caches; the lead from its
 * latest call's row, one indexed read). null: unknown.
 */
export function useCallNames(call: Call): { lead: string | null; campaign: string | null; agent: string | null; leadPending: boolean } {
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
  const lead = useQuery({
    queryKey: callKeys.leadName(call.lead_id ?? ""),
    queryFn: async ({ signal }) => {
      const page = await apiFetchList<CallSummary>("/api/calls", { query: { lead_id: call.lead_id, limit: 1 }, signal });
      return page.data[0]?.lead_name ?? null;
    },
    enabled: Boolean(call.lead_id) && !known.lead,
    staleTime: 5 * 60_000,
  });
  const agent = useQuery({
    queryKey: agentKeys.detail(call.agent_id ?? ""),
    queryFn: ({ signal }) => apiFetch<Agent>(agentPath(call.agent_id ?? ""), { signal }),
    enabled: Boolean(call.agent_id) && !known.agent,
  });
  return {
    lead: known.lead?.trim() || lead.data?.trim() || null,
    leadPending: !known.lead && lead.isLoading,
    campaign: known.campaign ?? campaign.data?.name ?? null,
    agent: known.agent ?? agent.data?.name ?? null,
  };
}
