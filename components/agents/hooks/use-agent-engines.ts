import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import type { AgentEngines } from "@/components/agents/types";

/** Which engines this deployment offers; it changes only with the server's configuration. */
export function useAgentEngines() {
  return useQuery({
    queryKey: agentKeys.engines(),
    queryFn: ({ signal }) => apiFetch<AgentEngines>("/api/agents/engines", { signal }),
    staleTime: 5 * 60_000,
  });
}
