import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import type { ActiveCalls } from "@/components/calls/live-types";

/** Read every second while the page is visible (a hidden tab pauses, and catches up on return). */
export const ACTIVE_POLL_MS = 1_000;

/** The organization's calls in flight, with the summary (GET /api/calls/active). */
export function useActiveCalls() {
  return useQuery({
    queryKey: callKeys.active(),
    queryFn: ({ signal }) => apiFetch<ActiveCalls>("/api/calls/active", { signal }),
    refetchInterval: ACTIVE_POLL_MS,
    refetchIntervalInBackground: false,
  });
}
