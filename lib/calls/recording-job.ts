import "server-only";
// The job that copies a call's recording (queued by ./call-recording.ts) into the app's storage: it
// downloads the provider's file, keeps it as recordings/<org>/<call>.wav, and emits recording.ready.
// recording_url is then a signed link to the app's copy, which outlives the provider's. A job that dies
// is retried; one that finds the copy made does nothing.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { log } from "@/lib/api/log";
import { newId } from "@/lib/ids";
import { defineJob } from "@/lib/jobs/define-job";
import { recordEvent } from "@/lib/events/record-event";
import { objectStore } from "@/lib/storage/provider";
import { sniffContainer } from "@/lib/voice/analysis/decode";
import { telephony } from "@/lib/telephony/telephony";
import { now } from "@/lib/calls/clock";

const payload = z.strictObject({
  call_id: z.string(),
  recording_sid: z.string(),
  recording_url: z.string(),
  duration: z.number().int().min(0).nullable(),
});

export const recordingKey = (organizationId: string, callId: string) => `recordings/${organizationId}/${callId}.wav`;

export const copyRecordingJob = defineJob(
  "calls.copy_recording",
  payload,
  async (input) => {
    const prisma = await db();
    const call = await prisma.call.findUnique({ where: { id: input.call_id }, select: { id: true, organizationId: true, recordingKey: true } });
    if (!call || call.recordingKey) return;
    const file = await telephony().downloadRecording(input.recording_url);
    const container = sniffContainer(file.bytes);
    if (container !== "wav" && container !== "mp3") throw new Error(`The provider's recording is not audio the app can keep (${file.contentType}, ${file.bytes.length} bytes)`);
    const key = recordingKey(call.organizationId, call.id);
    await (await objectStore()).put(key, file.bytes, { contentType: container === "wav" ? "audio/wav" : "audio/mpeg" });
    const changed = await prisma.$transaction(async (tx) => {
      const updated = await tx.call.updateMany({ where: { id: call.id, recordingKey: null }, data: { recordingKey: key, recordingSeconds: input.duration } });
      if (!updated.count) return false;
      await tx.callEvent.create({ data: { id: newId("callEvent"), callId: call.id, status: "recording", at: now(), detail: { recording_sid: input.recording_sid, seconds: input.duration } } });
      await recordEvent(tx, call.organizationId, "recording.ready", { call_id: call.id, duration: input.duration });
      return true;
    });
    if (changed) await telephony().releaseRecording(input.recording_url).catch((error: unknown) => log("warn", "recording_release_failed", { call_id: call.id, error: String(error) }));
  },
  { maxAttempts: 8, backoffMs: 10_000, leaseMs: 120_000 },
);

