import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, whisperForm } from "@/lib/calls/schemas";
import { whisperTwiml } from "@/lib/calls/transfer-hooks";

// Played to the person answering a transfer before they are connected: who it is, and where it stands.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: whisperForm }, async ({ query, form, requestId }) =>
    xml(await whisperTwiml(query.call, form.ParentCallSid ?? form.CallSid, requestId)),
  ),
});
