import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, voiceForm } from "@/lib/calls/schemas";
import { voicemailDrop } from "@/lib/calls/call-turn";

// Where a call answered by a machine is redirected: the voicemail message, then hang up.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: voiceForm }, async ({ query, form, requestId }) => xml(await voicemailDrop(query.call, form.CallSid, requestId))),
});
