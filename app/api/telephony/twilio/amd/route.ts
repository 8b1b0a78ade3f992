import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { amdForm, callbackQuery } from "@/lib/calls/schemas";
import { answeringMachineDetected } from "@/lib/calls/answering-machine";

// Asynchronous answering-machine detection: a machine gets the agent's voicemail message.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: amdForm }, async ({ query, form }) => {
    await answeringMachineDetected(query.call, form.CallSid, form.AnsweredBy);
    return xml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  }),
});
