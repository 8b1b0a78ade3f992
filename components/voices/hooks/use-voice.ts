import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { voiceKeys } from "@/components/voices/query-keys";
import { TRAINING_POLL_MS } from "@/components/voices/hooks/use-voices";
import type { Voice } from "@/components/voices/types";

/** One voice, polled while it trains (a new clone: until it is ready or failed). */
export function useVoice(voiceId: string | null) {
  return useQuery({
    queryKey: voiceKeys.detail(voiceId ?? ""),
    queryFn: ({ signal }) => apiFetch<Voice>(`/api/voice/voices/${encodeURIComponent(voiceId ?? "")}`, { signal }),
    enabled: voiceId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data === undefined || query.state.data.status === "training" ? TRAINING_POLL_MS : false),
  });
}
