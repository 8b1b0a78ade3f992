import { describe, expect, it } from "vitest";
import { LIVE_POLL_MS, RECORDING_POLL_MS, callPollInterval } from "@/components/calls/hooks/use-call";
import type { Call } from "@/components/calls/types";

const call = (over: Partial<Call>) => ({ status: "completed", recording_url: null, answered_at: "2026-11-30T15:00:20Z", ended_at: "2026-11-30T15:05:00Z", ...over }) as Call;
const justAfter = Date.parse("2026-11-30T15:05:01Z");

describe("how often the detail is read again", () => {
  it("every second while the call is on, so the transcript grows live", () => {
    for (const status of ["initiated", "ringing", "in_progress"] as const) expect(callPollInterval(call({ status, ended_at: null }), justAfter)).toBe(LIVE_POLL_MS);
  });

  it("every few seconds while the recording is on its way, then not at all", () => {
    expect(callPollInterval(call({}), justAfter)).toBe(RECORDING_POLL_MS);
    expect(callPollInterval(call({ recording_url: "/r.wav" }), justAfter)).toBe(false);
    expect(callPollInterval(call({}), justAfter + 3_600_000)).toBe(false);
    expect(callPollInterval(undefined, justAfter)).toBe(false);
  });
});
