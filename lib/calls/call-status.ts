// The call state machine, pure: a provider's status callback (Twilio's, or the carrier simulator's —
// the same form fields) applied to a call's current state. Callbacks arrive late, twice and out of
// order, so they are ordered by Twilio's SequenceNumber, a status never moves backwards, and a
// terminal state is final: applying anything to it changes nothing.
//
// Statuses are the spec's (initiated, ringing, in_progress, completed, failed); busy, no-answer and
// canceled calls are `failed` with their `ended_reason`, as the API shows them.

export const CALL_STATUSES = ["initiated", "ringing", "in_progress", "completed", "failed"] as const;
export type CallState = (typeof CALL_STATUSES)[number];

export const ENDED_REASONS = [
  "busy",
  "no_answer",
  "canceled",
  "voicemail",
  "hung_up_by_lead",
  "agent_ended",
  "transferred",
  "max_duration",
  "carrier_failed",
  "carrier_lost",
] as const;
export type EndedReason = (typeof ENDED_REASONS)[number];

/** Twilio's CallStatus values (https://www.twilio.com/docs/voice/api/call-resource#call-status-values). */
export const PROVIDER_STATUSES = ["queued", "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled"] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export type CallProgress = {
  status: CallState;
  endedReason: EndedReason | null;
  /** The highest SequenceNumber applied; -1 before any callback. */
  sequence: number;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
};

export type ProviderEvent = {
  callStatus: ProviderStatus;
  sequence: number;
  at: Date;
  /** CallDuration, on a completed call. */
  durationSeconds?: number;
  /** What the call was doing when it ended, as the app knows it (the provider cannot tell who hung up). */
  endedBy?: "agent" | "transfer" | "voicemail_drop" | null;
  /** The call's time limit in seconds: a completed call that reached it ended on max_duration. */
  timeLimitSeconds?: number;
};

const RANK: Record<CallState, number> = { initiated: 0, ringing: 1, in_progress: 2, completed: 3, failed: 3 };

export function isTerminal(status: CallState): boolean {
  return status === "completed" || status === "failed";
}

export const INITIAL_PROGRESS: CallProgress = { status: "initiated", endedReason: null, sequence: -1, answeredAt: null, endedAt: null, durationSeconds: null };

function ending(event: ProviderEvent, answered: boolean): { status: CallState; endedReason: EndedReason } {
  switch (event.callStatus) {
    case "busy":
      return { status: "failed", endedReason: "busy" };
    case "no-answer":
      return { status: "failed", endedReason: "no_answer" };
    case "canceled":
      return { status: "failed", endedReason: "canceled" };
    case "failed":
      return { status: "failed", endedReason: "carrier_failed" };
    default: {
      // "completed" without ever being answered is how a carrier reports some unanswered calls.
      if (!answered) return { status: "failed", endedReason: "no_answer" };
      if (event.endedBy === "transfer") return { status: "completed", endedReason: "transferred" };
      if (event.endedBy === "voicemail_drop") return { status: "completed", endedReason: "voicemail" };
      if (event.endedBy === "agent") return { status: "completed", endedReason: "agent_ended" };
      if (event.timeLimitSeconds && (event.durationSeconds ?? 0) >= event.timeLimitSeconds) return { status: "completed", endedReason: "max_duration" };
      return { status: "completed", endedReason: "hung_up_by_lead" };
    }
  }
}

/**
 * The call's state after a callback, or null when the callback changes nothing (a duplicate, one
 * older than what was applied, a step backwards, or anything after the end).
 */
export function applyProviderEvent(current: CallProgress, event: ProviderEvent): CallProgress | null {
  if (isTerminal(current.status) || event.sequence <= current.sequence) return null;
  const terminal = ["completed", "busy", "no-answer", "failed", "canceled"].includes(event.callStatus);
  if (terminal) {
    const answered = current.answeredAt !== null || (event.callStatus === "completed" && (event.durationSeconds ?? 0) > 0);
    const { status, endedReason } = ending(event, answered);
    return {
      status,
      endedReason,
      sequence: event.sequence,
      // The in-progress callback was lost or is late: the answer was CallDuration before the end.
      answeredAt: current.answeredAt ?? (answered && status === "completed" ? new Date(event.at.getTime() - (event.durationSeconds ?? 0) * 1000) : null),
      endedAt: event.at,
      durationSeconds: status === "completed" ? (event.durationSeconds ?? durationBetween(current.answeredAt, event.at)) : 0,
    };
  }
  const status: CallState = event.callStatus === "in-progress" ? "in_progress" : event.callStatus === "ringing" ? "ringing" : "initiated";
  // A later sequence number that would move the call backwards (ringing after answered) is noted, not applied.
  if (RANK[status] <= RANK[current.status]) return { ...current, sequence: event.sequence };
  return {
    ...current,
    status,
    sequence: event.sequence,
    answeredAt: status === "in_progress" ? event.at : current.answeredAt,
  };
}

/**
 * A call whose provider went silent (the simulator restarted, a callback was lost) ends here, so no
 * call stays in progress for ever: the reconciler calls this once the time limit has passed.
 */
export function loseCall(current: CallProgress, at: Date, lastHeardSeconds: number | null = null, timeLimitSeconds: number | null = null): CallProgress | null {
  if (isTerminal(current.status)) return null;
  // Found long after it went quiet: it lasted until the last thing heard on it, and never past its limit
  // (the time until the sweep is not a call anyone should pay for).
  const elapsed = current.answeredAt ? durationBetween(current.answeredAt, at) : 0;
  const heard = lastHeardSeconds === null ? elapsed : Math.min(elapsed, Math.ceil(lastHeardSeconds));
  return {
    ...current,
    status: "failed",
    endedReason: "carrier_lost",
    endedAt: at,
    durationSeconds: timeLimitSeconds === null ? heard : Math.min(heard, timeLimitSeconds),
  };
}

function durationBetween(from: Date | null, to: Date): number {
  return from ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : 0;
}
