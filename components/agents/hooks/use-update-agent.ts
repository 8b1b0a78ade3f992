import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import { agentPath } from "@/components/agents/hooks/use-agent";
import type { Agent, UpdateAgentBody } from "@/components/agents/types";

export function useUpdateAgent(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgentBody) => apiFetch<Agent>(agentPath(agentId), { method: "PUT", body }),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentKeys.detail(agent.id), agent);
      return queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}
