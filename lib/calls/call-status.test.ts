// The call state machine with callbacks in order, twice, late and out of order.
import { describe, expect, it } from "vitest";
import { applyProviderEvent, INITIAL_PROGRESS, loseCall, type CallProgress, type ProviderEvent } from "@/lib/calls/call-status";

const t = (s: number) => new Date(Date.parse("2026-12-01T15:00:00Z") + s * 1000);

/** Applies callbacks in the order given, skipping the ones that change nothing. */
function run(events: ProviderEvent[], from: CallProgress = INITIAL_PROGRESS) {
  let state = from;
  const ignored: number[] = [];
  events.forEach((event, i) => {
    const next = applyProviderEvent(state, event);
    if (next === null) ignored.push(i);
    else state = next;
  });
  return { state, ignored };
}

const initiated: ProviderEvent = { callStatus: "initiated", sequence: 0, at: t(0) };
const ringing: ProviderEvent = { callStatus: "ringing", sequence: 1, at: t(2) };
const answered: ProviderEvent = { callStatus: "in-progress", sequence: 2, at: t(8) };
const completed: ProviderEvent = { callStatus: "completed", sequence: 3, at: t(68), durationSeconds: 60 };

describe("applyProviderEvent", () => {
  it("follows a call from initiated to completed, hung up by the lead", () => {
    const { state, ignored } = run([initiated, ringing, answered, completed]);
    expect(ignored).toEqual([]);
    expect(state).toEqual({ status: "completed", endedReason: "hung_up_by_lead", sequence: 3, answeredAt: t(8), endedAt: t(68), durationSeconds: 60 });
  });

  it("ignores a duplicate and anything older than what was applied", () => {
    const { state, ignored } = run([initiated, ringing, answered, ringing, answered, initiated]);
    expect(ignored).toEqual([3, 4, 5]);
    expect(state.status).toBe("in_progress");
  });

  it("out of order: the answer arriving after the ringing it followed still leaves the call answered", () => {
    const { state } = run([initiated, answered, ringing]);
    expect(state).toMatchObject({ status: "in_progress", answeredAt: t(8), sequence: 2 });
  });

  it("a terminal state is final, even for a later sequence number", () => {
    const { state, ignored } = run([initiated, completed, { callStatus: "in-progress", sequence: 9, at: t(70) }]);
    expect(ignored).toEqual([2]);
    expect(state.status).not.toBe("in_progress");
  });

  it.each([
    ["busy", "busy"],
    ["no-answer", "no_answer"],
    ["canceled", "canceled"],
    ["failed", "carrier_failed"],
  ] as const)("%s is failed with ended_reason %s and no duration", (callStatus, reason) => {
    const { state } = run([initiated, ringing, { callStatus, sequence: 2, at: t(30) }]);
    expect(state).toMatchObject({ status: "failed", endedReason: reason, durationSeconds: 0, answeredAt: null });
  });

  it("says who ended an answered call: the agent, a transfer, a voicemail drop, or the time limit", () => {
    const end = (extra: Partial<ProviderEvent>) => run([initiated, answered, { ...completed, ...extra }]).state.endedReason;
    expect(end({ endedBy: "agent" })).toBe("agent_ended");
    expect(end({ endedBy: "transfer" })).toBe("transferred");
    expect(end({ endedBy: "voicemail_drop" })).toBe("voicemail");
    expect(end({ timeLimitSeconds: 60 })).toBe("max_duration");
    expect(end({ timeLimitSeconds: 600 })).toBe("hung_up_by_lead");
  });

  it("a completed call that was never answered is a failed no-answer", () => {
    const { state } = run([initiated, ringing, { callStatus: "completed", sequence: 5, at: t(40), durationSeconds: 0 }]);
    expect(state).toMatchObject({ status: "failed", endedReason: "no_answer" });
  });

  it("takes the answer time from a completed callback when the in-progress one was lost", () => {
    const { state } = run([initiated, completed]);
    expect(state).toMatchObject({ status: "completed", answeredAt: t(8), durationSeconds: 60 });
  });
});

describe("loseCall", () => {
  it("ends a silent call as carrier_lost, counting the time since the answer", () => {
    const { state } = run([initiated, answered]);
    expect(loseCall(state, t(608))).toMatchObject({ status: "failed", endedReason: "carrier_lost", endedAt: t(608), durationSeconds: 600 });
    expect(loseCall(run([initiated, completed]).state, t(900))).toBeNull();
    // Found long after: the duration is what was heard on it, never past its limit.
    expect(loseCall(state, t(4000), 95.2)).toMatchObject({ durationSeconds: 96 });
    expect(loseCall(state, t(4000), null, 300)).toMatchObject({ durationSeconds: 300 });
  });
});
