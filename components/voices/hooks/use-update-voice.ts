import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { voiceKeys } from "@/components/voices/query-keys";
import type { UpdateVoiceBody, Voice } from "@/components/voices/types";

/** Renames (or re-describes) one of the organization's own clones. */
export function useUpdateVoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ voiceId, body }: { voiceId: string; body: UpdateVoiceBody }) =>
      apiFetch<Voice>(`/api/voice/voices/${encodeURIComponent(voiceId)}`, { method: "PUT", body }),
    onSuccess: (voice) => {
      queryClient.setQueryData(voiceKeys.detail(voice.id), voice);
      return queryClient.invalidateQueries({ queryKey: voiceKeys.lists() });
    },
  });
}
