import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, recordingForm } from "@/lib/calls/schemas";
import { recordingReady } from "@/lib/calls/call-recording";
import { kickWork } from "@/lib/jobs/kick-work";

// The recording is ready at the provider: copied into the app's storage by a job (durable, retried).
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: recordingForm }, async ({ query, form }) => {
    const queued = await recordingReady(query.call, form.CallSid, {
      sid: form.RecordingSid,
      url: form.RecordingUrl,
      status: form.RecordingStatus,
      duration: form.RecordingDuration === undefined ? null : Number(form.RecordingDuration),
    });
    if (queued) kickWork();
    return xml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  }),
});
