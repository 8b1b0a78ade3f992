import "server-only";
// A call's recording callback: a completed recording is queued to be copied by ./recording-job.ts —
// in a transaction, keyed by the call, so a repeated callback adds nothing — and the provider gets
// its answer at once.
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { enqueue } from "@/lib/jobs/enqueue";
import { now } from "@/lib/calls/clock";

/** The provider's recording callback: a completed recording is queued to be copied (once per call). */
export async function recordingReady(callId: string, sid: string, recording: { sid: string; url: string; status: string; duration: number | null }): Promise<boolean> {
  const prisma = await db();
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true, organizationId: true, twilioCallSid: true, recordingKey: true } });
  if (!call || (call.twilioCallSid && call.twilioCallSid !== sid) || call.recordingKey) return false;
  if (recording.status !== "completed") {
    await prisma.callEvent.create({ data: { id: newId("callEvent"), callId, status: "recording", at: now(), detail: { recording_sid: recording.sid, recording_status: recording.status } } });
    return false;
  }
  const queued = await prisma.$transaction((tx) =>
    enqueue(tx, {
      kind: "calls.copy_recording",
      organizationId: call.organizationId,
      singletonKey: `recording:${call.id}`,
      payload: { call_id: call.id, recording_sid: recording.sid, recording_url: recording.url, duration: recording.duration },
    }),
  );
  return queued !== null;
}
