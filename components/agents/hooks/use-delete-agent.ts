import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentKeys } from "@/components/agents/query-keys";
import { agentPath } from "@/components/agents/hooks/use-agent";

/** Deletes an agent; refused (RESOURCE_003, naming the campaigns) while a campaign uses it. */
export function useDeleteAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agentId: string) => apiFetch<{ id: string; deleted: true }>(agentPath(agentId), { method: "DELETE" }),
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: agentKeys.detail(result.id) });
      return queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}
