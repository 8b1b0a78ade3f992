import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, voiceForm } from "@/lib/calls/schemas";
import { transferTwiml } from "@/lib/calls/transfer-hooks";

// Where a transfer redirects the call: the Dial to the person, with its whisper and its outcome URL.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: voiceForm }, async ({ query, form, requestId }) => xml(await transferTwiml(query.call, form.CallSid, requestId))),
});
