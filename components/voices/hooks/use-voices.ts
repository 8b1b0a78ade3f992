import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { voiceKeys } from "@/components/voices/query-keys";
import type { Voice, VoiceListFilters } from "@/components/voices/types";

/** How often a list with a clone still training asks again. */
export const TRAINING_POLL_MS = 2_000;

/** The voice library, one page of it; polled while any voice on the page is still training (unless `poll` is false). */
export function useVoices(filters: VoiceListFilters, options: { poll?: boolean } = {}) {
  const poll = options.poll ?? true;
  return useQuery({
    queryKey: voiceKeys.list(filters),
    queryFn: ({ signal }) => apiFetchList<Voice>("/api/voice/voices", { query: filters, signal, listKey: "voices" }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (poll && query.state.data?.data.some((voice) => voice.status === "training") ? TRAINING_POLL_MS : false),
  });
}
