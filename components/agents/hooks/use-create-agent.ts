import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import type { Agent, CreateAgentBody } from "@/components/agents/types";

export function useCreateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgentBody) => apiFetch<Agent>("/api/agents", { method: "POST", body }),
    onSuccess: (agent) => {
      queryClient.setQueryData(agentKeys.detail(agent.id), agent);
      return queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}
