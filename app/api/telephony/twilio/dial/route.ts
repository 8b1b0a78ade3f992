import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, dialForm } from "@/lib/calls/schemas";
import { dialOutcome } from "@/lib/calls/transfer-hooks";

// A transfer's Dial ended: connected (the call ends as transferred), or not (the agent carries on).
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: dialForm }, async ({ query, form, requestId }) => xml(await dialOutcome(query.call, form.CallSid, form.DialCallStatus, requestId))),
});
