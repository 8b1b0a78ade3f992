import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { voiceKeys } from "@/components/voices/query-keys";

/** Deletes one of the organization's own clones; refused (RESOURCE_003, naming the users) while a campaign uses it. */
export function useDeleteVoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (voiceId: string) =>
      apiFetch<{ id: string; deleted: true }>(`/api/voice/voices/${encodeURIComponent(voiceId)}`, { method: "DELETE" }),
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: voiceKeys.detail(result.id) });
      return queryClient.invalidateQueries({ queryKey: voiceKeys.lists() });
    },
  });
}
