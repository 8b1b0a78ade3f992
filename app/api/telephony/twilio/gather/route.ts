import { methods, route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { callbackQuery, gatherForm } from "@/lib/calls/schemas";
import { callTurn } from "@/lib/calls/call-turn";

// What the callee said (SpeechResult), or silence (the Gather posts with none).
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ auth: "twilio", query: callbackQuery, form: gatherForm }, async ({ query, form, requestId }) => {
    const text = form.SpeechResult?.trim();
    const confidence = Number(form.Confidence ?? 1);
    return xml(
      await callTurn(query.call, form.CallSid, text ? { kind: "utterance", text, confidence: Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 1 } : { kind: "silence" }, requestId),
    );
  }),
});
