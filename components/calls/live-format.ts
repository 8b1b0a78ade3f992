// Calls in flight as text: how long each has been talking (ticking in the browser), who is on the
// other end, and the counts the Live calls page shows above its list.
import { formatDuration } from "@/components/calls/call-format";
import type { ActiveCall } from "@/components/calls/live-types";

/** Whole seconds from `sinceIso` to `nowMs`; null without a start (not answered yet) or before it. */
export function secondsSince(sinceIso: string | null | undefined, nowMs: number): number | null {
  if (!sinceIso) return null;
  const since = Date.parse(sinceIso);
  if (!Number.isFinite(since) || !Number.isFinite(nowMs)) return null;
  return Math.max(0, Math.floor((nowMs - since) / 1000));
}

/** A call's talk time as a clock ("4:05") from its answer to now; null while it is not answered. */
export function liveDuration(call: Pick<ActiveCall, "answered_at">, nowMs: number): string | null {
  const seconds = secondsSince(call.answered_at, nowMs);
  return seconds === null ? null : formatDuration(seconds);
}

/** A call placed to a browser tab ("Call me in the browser") has the tab's identity as its number. */
export function isBrowserCallee(phone: string | null | undefined): boolean {
  return Boolean(phone?.startsWith("client:"));
}

/** The number called, for display: a browser tab's identity ("client:browser_…") is "Browser tab". */
export function formatCallee(phone: string, formatPhone: (phone: string) => string): string {
  return isBrowserCallee(phone) ? "Browser tab" : formatPhone(phone);
}

/** Who the agent is talking to: the lead's name, else their number (or "Browser tab"). */
export function calleeLabel(call: { lead_name?: string | null; phone_number: string }, formatPhone: (phone: string) => string): string {
  return call.lead_name?.trim() || formatCallee(call.phone_number, formatPhone);
}

/** The headline counts: calls on the line, those answered (talking) and those still dialing or ringing. */
export function liveCounts(calls: readonly Pick<ActiveCall, "status">[]): { talking: number; connecting: number } {
  let talking = 0;
  for (const call of calls) if (call.status === "in_progress") talking++;
  return { talking, connecting: calls.length - talking };
}
