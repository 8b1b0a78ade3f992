import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, statusForm } from "@/lib/calls/schemas";
import { applyStatus } from "@/lib/calls/apply-status";

// A status change: applied in SequenceNumber order, idempotently.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: statusForm }, async ({ query, form }) => {
    await applyStatus(query.call, form.CallSid, {
      callStatus: form.CallStatus,
      sequence: form.SequenceNumber === undefined ? null : Number(form.SequenceNumber),
      durationSeconds: form.CallDuration === undefined ? null : Number(form.CallDuration),
      errorCode: form.ErrorCode ?? null,
      errorMessage: form.ErrorMessage ?? null,
    });
    return xml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  }),
});
