import type { VoiceListFilters } from "@/components/voices/types";

/** Invalidating `voiceKeys.all` refreshes every voice list and every single voice. */
export const voiceKeys = {
  all: ["voices"] as const,
  lists: () => [...voiceKeys.all, "list"] as const,
  list: (filters: VoiceListFilters) => [...voiceKeys.lists(), filters] as const,
  detail: (voiceId: string) => [...voiceKeys.all, "detail", voiceId] as const,
};
