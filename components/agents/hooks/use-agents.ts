import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import type { Agent, AgentListFilters } from "@/components/agents/types";

/** One page of the organization's agents. */
export function useAgents(filters: AgentListFilters) {
  return useQuery({
    queryKey: agentKeys.list(filters),
    queryFn: ({ signal }) => apiFetchList<Agent>("/api/agents", { query: filters, signal, listKey: "agents" }),
    placeholderData: keepPreviousData,
  });
}
