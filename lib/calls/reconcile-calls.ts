import "server-only";
// No call stays in flight forever. A call the provider should have finished by now — past its ring
// time, or past its time limit once answered, plus a grace period — is asked about: the provider's
// final state is applied as if its callback had come; a call the provider does not know (the
// simulator restarted, or the dial never reached it) fails as carrier_lost; one it still holds past
// its limit is hung up, and lost if that does not end it either. A recording whose callback never came
// is asked for and copied. Runs every minute as a periodic job (./reconcile-job.ts), across
// organizations, reading only calls in flight, and recently ended calls with no recording (partial indexes).
import { log } from "@/lib/api/log";
import { db } from "@/lib/db/client";
import { telephony } from "@/lib/telephony/telephony";
import type { ProviderCallState } from "@/lib/telephony/provider";
import { applyStatus, markCallLost } from "@/lib/calls/apply-status";
import { now } from "@/lib/calls/clock";
import { RING_SECONDS } from "@/lib/calls/initiate-call";
import { utc } from "@/lib/jobs/sql-time";
import { kickWork } from "@/lib/jobs/kick-work";
import { newId } from "@/lib/ids";
import { recordingReady } from "@/lib/calls/call-recording";

/** How long past its due time a call may stay quiet before it is asked about (callbacks can lag). */
export const GRACE_SECONDS = 120;
/** A call the provider keeps past its limit even after a hang-up request is lost after this much more. */
const HANGUP_GRACE_SECONDS = 600;
const BATCH = 500;

const ACTIVE: ProviderCallState["status"][] = ["queued", "initiated", "ringing", "in-progress"];

export async function reconcileCalls(at: Date = now()): Promise<{ checked: number; settled: number; lost: number; hungUp: number }> {
  const prisma = await db();
  // Only calls already due, decided in SQL — so a crowd of long healthy calls never hides an overdue one —
  // among calls in flight (the partial index on started_at holds nothing else).
  const ringCutoff = new Date(at.getTime() - (RING_SECONDS + GRACE_SECONDS) * 1000);
  const candidates = await prisma.$queryRaw<{ id: string; twilio_call_sid: string | null; started_at: Date; answered_at: Date | null; max_duration: number }[]>`
    SELECT id, twilio_call_sid, started_at, answered_at, COALESCE((settings->>'max_duration')::int, 0) AS max_duration
    FROM calls
    WHERE status IN ('initiated', 'ringing', 'in_progress') AND started_at < ${utc(ringCutoff)}
      AND (answered_at IS NULL OR answered_at + make_interval(secs => COALESCE((settings->>'max_duration')::int, 0) + ${GRACE_SECONDS}) < ${utc(at)})
    ORDER BY started_at
    LIMIT ${BATCH}`;
  const result = { checked: 0, settled: 0, lost: 0, hungUp: 0 };
  for (const row of candidates) {
    const call = { id: row.id, twilioCallSid: row.twilio_call_sid };
    const due = row.answered_at ? row.answered_at.getTime() + row.max_duration * 1000 : row.started_at.getTime() + RING_SECONDS * 1000;
    const overdue = (at.getTime() - due) / 1000 - GRACE_SECONDS;
    result.checked++;
    if (!call.twilioCallSid) {
      if (await markCallLost(call.id, "the call never reached the provider")) result.lost++;
      continue;
    }
    let state: ProviderCallState | null;
    try {
      state = await telephony().fetchCall(call.twilioCallSid);
    } catch (error) {
      // The provider cannot be asked right now: the next sweep asks again.
      log("warn", "call_reconcile_fetch_failed", { call_id: call.id, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (!state) {
      if (await markCallLost(call.id, "the provider does not know the call")) result.lost++;
    } else if (!ACTIVE.includes(state.status)) {
      await applyStatus(call.id, call.twilioCallSid, { callStatus: state.status, sequence: null, durationSeconds: state.durationSeconds, errorCode: null, errorMessage: null });
      result.settled++;
    } else if (overdue > HANGUP_GRACE_SECONDS) {
      if (await markCallLost(call.id, "the provider kept the call past its time limit")) result.lost++;
    } else {
      await telephony()
        .hangup(call.twilioCallSid)
        .catch((error: unknown) => log("warn", "call_reconcile_hangup_failed", { call_id: call.id, error: String(error) }));
      result.hungUp++;
    }
  }
  if (result.checked) log("info", "calls_reconciled", result);
  return result;
}

/** How long after a call's end its recording callback is waited for before the provider is asked. */
export const RECORDING_WAIT_SECONDS = 600;

/**
 * Answered calls of the last day that asked for a recording and have none, with no copy job ever queued
 * (the callback was lost): the provider is asked for the recording and it is queued as its callback
 * would have queued it. One the provider does not have is noted on the call's timeline and not asked
 * about again.
 */
export async function recoverRecordings(at: Date = now()): Promise<{ recovered: number; absent: number }> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string; twilio_call_sid: string }[]>`
    SELECT c.id, c.twilio_call_sid FROM calls c
    WHERE c.recording_key IS NULL AND c.answered_at IS NOT NULL
      AND c.ended_at >= ${utc(new Date(at.getTime() - 86_400_000))} AND c.ended_at < ${utc(new Date(at.getTime() - RECORDING_WAIT_SECONDS * 1000))}
      AND c.twilio_call_sid IS NOT NULL AND (c.settings->>'recording') IS DISTINCT FROM 'false'
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.singleton_key = 'recording:' || c.id)
      AND NOT EXISTS (SELECT 1 FROM call_events e WHERE e.call_id = c.id AND e.status = 'recording')
    ORDER BY c.ended_at
    LIMIT ${BATCH}`;
  const result = { recovered: 0, absent: 0 };
  for (const row of rows) {
    let recording;
    try {
      recording = await telephony().findRecording(row.twilio_call_sid);
    } catch (error) {
      log("warn", "recording_recovery_failed", { call_id: row.id, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (recording) {
      if (await recordingReady(row.id, row.twilio_call_sid, { sid: recording.sid, url: recording.url, status: "completed", duration: recording.durationSeconds })) result.recovered++;
    } else {
      await prisma.callEvent.create({ data: { id: newId("callEvent"), callId: row.id, status: "recording", at, detail: { recording_status: "absent", checked_by: "reconciler" } } });
      result.absent++;
    }
  }
  if (result.recovered) kickWork();
  if (result.recovered || result.absent) log("info", "recordings_recovered", result);
  return result;
}
