import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import type { Agent } from "@/components/agents/types";

export function agentPath(agentId: string): string {
  return `/api/agents/${encodeURIComponent(agentId)}`;
}

export function useAgent(agentId: string) {
  return useQuery({
    queryKey: agentKeys.detail(agentId),
    queryFn: ({ signal }) => apiFetch<Agent>(agentPath(agentId), { signal }),
  });
}
