import type { AgentListFilters } from "@/components/agents/types";

/** Invalidating `agentKeys.all` refreshes every agent list and every single agent. */
export const agentKeys = {
  all: ["agents"] as const,
  lists: () => [...agentKeys.all, "list"] as const,
  list: (filters: AgentListFilters) => [...agentKeys.lists(), filters] as const,
  detail: (agentId: string) => [...agentKeys.all, "detail", agentId] as const,
  engines: () => [...agentKeys.all, "engines"] as const,
};
