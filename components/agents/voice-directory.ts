import type { VoiceListFilters } from "@/components/voices/types";

/** The voice library's first page by name: the same query as its own directory, so the cache is shared. */
export const VOICE_DIRECTORY: VoiceListFilters = { page: 1, limit: 100, sort: "name" };
