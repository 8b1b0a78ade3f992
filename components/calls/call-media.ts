// The recording and its transcript, pure: which line is being heard, whether a fresh signed link is the
// same recording, and what to say while there is no recording.
import { isActiveStatus } from "@/components/calls/call-labels";
import type { Call, TranscriptSegment } from "@/components/calls/types";

/**
 * The line heard at `time` (seconds into the recording): the one whose [start, end) holds it; where
 * two overlap (both sides talking), the one that started last. -1 between lines.
 */
export function activeSegmentIndex(segments: readonly Pick<TranscriptSegment, "start" | "end">[], time: number): number {
  if (!Number.isFinite(time)) return -1;
  let found = -1;
  for (let i = 0; i < segments.length; i++) {
    const { start, end } = segments[i]!;
    if (start <= time && time < end && (found === -1 || start >= segments[found]!.start)) found = i;
  }
  return found;
}

/** Signed links change on every read (a new expiry): the same object keeps its first link, so the
 *  detail's polling does not reload (and restart) what is playing. */
export function sameRecording(a: string, b: string): boolean {
  try {
    const x = new URL(a, "http://local");
    const y = new URL(b, "http://local");
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return a === b;
  }
}

/** How long after a call ends its recording may still be on its way. */
export const RECORDING_GRACE_MS = 10 * 60_000;

export type RecordingState = "ready" | "live" | "processing" | "none";

/**
 * ready: there is a link. live: the call is still on (the recording comes after). processing: an
 * answered call ended a moment ago. none: never answered, or nothing came within the grace period.
 */
export function recordingState(call: Pick<Call, "recording_url" | "status" | "answered_at" | "ended_at">, nowMs: number): RecordingState {
  if (call.recording_url) return "ready";
  if (isActiveStatus(call.status)) return "live";
  if (!call.answered_at) return "none";
  const ended = call.ended_at ? Date.parse(call.ended_at) : NaN;
  if (Number.isFinite(ended) && nowMs - ended < RECORDING_GRACE_MS) return "processing";
  return "none";
}
