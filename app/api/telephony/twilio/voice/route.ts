import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, voiceForm } from "@/lib/calls/schemas";
import { callTurn } from "@/lib/calls/call-turn";

// The call was answered: the agent opens (disclosure first) and listens.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: voiceForm }, async ({ query, form, requestId }) =>
    xml(await callTurn(query.call, form.CallSid, { kind: "start" }, requestId)),
  ),
});
