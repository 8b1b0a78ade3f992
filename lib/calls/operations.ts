// The spec's Call Service and the telephony provider's callbacks, as the OpenAPI document describes them.
import { z } from "zod";
import { defineOperations, type Operation } from "@/lib/api/openapi/operation";
import { amdForm, callbackQuery, callIdParams, gatherForm, initiateCallSchema, statusForm, updateCallSchema, voiceForm } from "@/lib/calls/schemas";
import { CALL_STATUSES, ENDED_REASONS } from "@/lib/calls/call-status";

export const callInitiatedResponse = z
  .object({ call_id: z.string(), status: z.literal("initiated"), twilio_call_sid: z.string(), created_at: z.string() })
  .meta({ id: "CallInitiated" });

const money = z.number().meta({ description: "US dollars" });
export const callResponse = z
  .object({
    call_id: z.string(),
    status: z.enum(CALL_STATUSES),
    phone_number: z.string(),
    duration: z.number().int().meta({ description: "Seconds connected" }),
    cost: money,
    recording_url: z.string().nullable(),
    transcription: z.string().nullable(),
    analysis: z.object({ sentiment: z.string().nullable(), conversion: z.boolean(), quality_score: z.number().nullable() }),
    ended_reason: z.enum(ENDED_REASONS).nullable(),
    disposition: z.string().nullable(),
    direction: z.string(),
    from_number: z.string().nullable(),
    campaign_id: z.string().nullable(),
    lead_id: z.string().nullable(),
    agent_id: z.string().nullable(),
    twilio_call_sid: z.string().nullable(),
    answered_by: z.string().nullable().meta({ description: "Answering-machine detection: human, machine_end_beep…" }),
    customer_satisfaction: z.number().nullable(),
    agent_notes: z.string().nullable(),
    transcript: z.array(z.object({ speaker: z.enum(["agent", "lead"]), text: z.string(), start: z.number(), end: z.number() })).meta({ description: "Seconds from the answer" }),
    cost_breakdown: z
      .object({
        telephony: z.object({ minutes: z.number(), price_per_minute: z.number(), cost: money }),
        amd: z.object({ cost: money }),
        recording: z.object({ minutes: z.number(), price_per_minute: z.number(), cost: money }),
        speech: z.object({ characters: z.number(), cost: money }),
        llm: z.object({ input_tokens: z.number(), output_tokens: z.number(), cost: money }),
        total: money,
      })
      .nullable()
      .meta({ description: "Once the call has ended; prices in docs/calls.md" }),
    timeline: z.array(z.object({ status: z.string(), provider_status: z.string().nullable(), sequence: z.number().nullable(), at: z.string(), detail: z.unknown() })),
    started_at: z.string(),
    answered_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "Call" });

const twiml = { kind: "raw" as const, status: 200 as const, contentType: "text/xml", description: "TwiML" };
const callback = (name: string, summary: string, form: z.ZodObject): Operation => ({
  method: "POST",
  path: `/api/telephony/twilio/${name}`,
  operationId: `twilio${name[0]!.toUpperCase()}${name.slice(1)}`,
  summary,
  description: "Called by Twilio (or the built-in carrier simulator) with X-Twilio-Signature over the public URL; `call` names the call.",
  tag: "Telephony",
  auth: "twilio",
  query: callbackQuery,
  form,
  response: twiml,
});

export const CALL_OPERATIONS = defineOperations([
  {
    method: "POST",
    path: "/api/calls",
    operationId: "initiateCall",
    summary: "Call a number with an agent",
    description:
      "Refused (RESOURCE_003, with `details.reason`) when the number is on the do-not-call list (`do_not_call`), outside 08:00–21:00 in the called party's zone (`outside_calling_window`, with `next_allowed_at`), or already on a call (`call_in_progress`).",
    tag: "Calls",
    auth: "user",
    permission: "calls.create",
    body: initiateCallSchema,
    example: { campaign_id: "campaign_12345", phone_number: "+1234567890", agent_id: "agent_67890", settings: { recording: true, transcription: true, max_duration: 1800 } },
    response: { kind: "json", status: 201, schema: callInitiatedResponse },
    errors: ["RESOURCE_003", "SERVICE_001"],
  },
  {
    method: "GET",
    path: "/api/calls/{call_id}",
    operationId: "getCall",
    summary: "One call: status, transcript, analysis, costs and its timeline",
    tag: "Calls",
    auth: "user",
    permission: "calls.view",
    params: callIdParams,
    response: { kind: "json", status: 200, schema: callResponse },
  },
  {
    method: "PUT",
    path: "/api/calls/{call_id}",
    operationId: "updateCall",
    summary: "Record a disposition, satisfaction or notes; status completed hangs an active call up",
    tag: "Calls",
    auth: "user",
    permission: "calls.update",
    params: callIdParams,
    body: updateCallSchema,
    example: { status: "completed", disposition: "interested", customer_satisfaction: 4.5, agent_notes: "Customer interested in premium package" },
    response: { kind: "json", status: 200, schema: callResponse },
    errors: ["RESOURCE_003", "SERVICE_001"],
  },
  {
    method: "POST",
    path: "/api/calls/{call_id}/hangup",
    operationId: "hangUpCall",
    summary: "Hang up an active call",
    tag: "Calls",
    auth: "user",
    permission: "calls.update",
    params: callIdParams,
    response: { kind: "json", status: 200, schema: callResponse },
    errors: ["RESOURCE_003", "SERVICE_001"],
  },
  {
    method: "GET",
    path: "/api/calls/active",
    operationId: "listActiveCalls",
    summary: "Calls in flight, with a summary",
    tag: "Calls",
    auth: "user",
    permission: "calls.view",
    response: {
      kind: "json",
      status: 200,
      schema: z
        .object({
          active_calls: z.array(
            z.object({
              call_id: z.string(),
              status: z.enum(["initiated", "ringing", "in_progress"]),
              duration: z.number().int().meta({ description: "Seconds since the answer" }),
              quality_score: z.number().nullable(),
              phone_number: z.string(),
              campaign_id: z.string().nullable(),
              lead_id: z.string().nullable(),
              agent_id: z.string().nullable(),
              started_at: z.string(),
              answered_at: z.string().nullable(),
            }),
          ),
          summary: z.object({ total_active: z.number().int(), average_duration: z.number().int() }),
        })
        .meta({ id: "ActiveCalls" }),
    },
  },
  callback("voice", "The call was answered: the agent's opening", voiceForm),
  callback("gather", "What the callee said (or silence): the agent's next turn", gatherForm),
  callback("status", "A call status change (ordered by SequenceNumber)", statusForm),
  callback("amd", "Answering-machine detection's result", amdForm),
  callback("voicemail", "The voicemail drop for a call answered by a machine", voiceForm),
]);
