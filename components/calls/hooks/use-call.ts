import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import { isActiveStatus } from "@/components/calls/call-labels";
import { recordingState } from "@/components/calls/call-media";
import type { Call } from "@/components/calls/types";

export function callPath(callId: string): string {
  return `/api/calls/${encodeURIComponent(callId)}`;
}

/** While the call is on, every second (the transcript grows live); while its recording is on its way, every few. */
export const LIVE_POLL_MS = 1_000;
export const RECORDING_POLL_MS = 5_000;

export function callPollInterval(call: Call | undefined, nowMs: number): number | false {
  if (!call) return false;
  if (isActiveStatus(call.status)) return LIVE_POLL_MS;
  return recordingState(call, nowMs) === "processing" ? RECORDING_POLL_MS : false;
}

export function useCall(callId: string) {
  return useQuery({
    queryKey: callKeys.detail(callId),
    queryFn: ({ signal }) => apiFetch<Call>(callPath(callId), { signal }),
    refetchInterval: (query) => callPollInterval(query.state.data, Date.now()),
  });
}
