// The spec's Call Service and the telephony provider's callbacks, as the OpenAPI document describes them.
import { z } from "zod";
import { defineOperations, type Operation } from "@/lib/api/openapi/operation";
import { amdForm, browserCallSchema, browserLegInputSchema, callbackQuery, callIdParams, dialForm, gatherForm, initiateCallSchema, legQuery, listCallsQuery, recordingForm, statusForm, transferCallSchema, updateCallSchema, voiceForm, whisperForm } from "@/lib/calls/schemas";
import { CALL_STATUSES, ENDED_REASONS } from "@/lib/calls/call-status";

export const callInitiatedResponse = z
  .object({ call_id: z.string(), status: z.literal("initiated"), twilio_call_sid: z.string(), created_at: z.string() })
  .meta({ id: "CallInitiated" });

const money = z.number().meta({ description: "US dollars" });
/** Who a call is about, with their names. */
const callParties = {
  campaign_id: z.string().nullable(),
  campaign_name: z.string().nullable(),
  lead_id: z.string().nullable(),
  lead_name: z.string().nullable(),
  agent_id: z.string().nullable(),
  agent_name: z.string().nullable(),
};
export const callResponse = z
  .object({
    call_id: z.string(),
    status: z.enum(CALL_STATUSES),
    phone_number: z.string(),
    duration: z.number().int().meta({ description: "Seconds connected" }),
    cost: money,
    recording_url: z.string().nullable().meta({ description: "A signed link to the app's copy of the two-channel recording (agent left, lead right), valid for an hour; null until it is ready" }),
    recording_seconds: z.number().int().nullable(),
    transcription: z.string().nullable(),
    analysis: z.object({
      sentiment: z.string().nullable().meta({ description: "positive, neutral or negative: the lead's side, after the call" }),
      conversion: z.boolean(),
      quality_score: z.number().nullable().meta({ description: "1–5 (docs/calls.md \"Post-call analysis\")" }),
      details: z.unknown().nullable().meta({ description: "The score's components and the sentiment's detail" }),
    }),
    ended_reason: z.enum(ENDED_REASONS).nullable(),
    disposition: z.string().nullable(),
    direction: z.string(),
    from_number: z.string().nullable(),
    ...callParties,
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

export const callSummaryResponse = z
  .object({
    call_id: z.string(),
    status: z.enum(CALL_STATUSES),
    ended_reason: z.enum(ENDED_REASONS).nullable(),
    disposition: z.string().nullable(),
    phone_number: z.string(),
    direction: z.string(),
    ...callParties,
    duration: z.number().int(),
    cost: money,
    started_at: z.string(),
    answered_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    analysis: z.object({ sentiment: z.string().nullable(), conversion: z.boolean(), quality_score: z.number().nullable() }),
  })
  .meta({ id: "CallSummary" });

export const activeCallsResponse = z
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
        campaign_name: z.string().nullable(),
        lead_name: z.string().nullable(),
        agent_name: z.string().nullable(),
        current_step: z.string().nullable().meta({ description: "The agent's flow step the call waits at" }),
        last_said: z.object({ speaker: z.enum(["agent", "lead"]), text: z.string() }).nullable(),
        started_at: z.string(),
        answered_at: z.string().nullable(),
      }),
    ),
    summary: z.object({ total_active: z.number().int(), average_duration: z.number().int() }),
  })
  .meta({ id: "ActiveCalls" });

export const callTransferResponse = z.object({ call_id: z.string(), transfer: z.object({ to: z.string(), status: z.literal("ringing"), whisper: z.string() }) }).meta({ id: "CallTransfer" });

export const CALL_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/calls",
    operationId: "listCalls",
    summary: "Calls of your organization, newest first",
    description:
      "Filters combine. `total` is exact up to 1,000; past that it is 1,000 with `pagination.total_capped: true` (walk on with `next_cursor`).",
    tag: "Calls",
    auth: "user",
    permission: "calls.view",
    query: listCallsQuery,
    response: { kind: "json", status: 200, schema: callSummaryResponse, list: true },
  },
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
      schema: activeCallsResponse,
    },
  },
  {
    method: "POST",
    path: "/api/calls/{call_id}/transfer",
    operationId: "transferCall",
    summary: "Warm-transfer a call in progress to a person or a phone number",
    description:
      "`to` is a phone number (not on your do-not-call list), or your own user id to take the call over in your browser tab (\"Take over\"; needs the built-in carrier simulator). A colleague's id is refused with `person_unavailable`. The person hears a whisper summary of the conversation before being connected; if nobody answers, the agent carries on.",
    tag: "Calls",
    auth: "user",
    permission: "calls.update",
    params: callIdParams,
    body: transferCallSchema,
    example: { to: "+14155550123" },
    response: {
      kind: "json",
      status: 200,
      schema: callTransferResponse,
    },
    errors: ["RESOURCE_003", "SERVICE_001"],
  },
  {
    method: "POST",
    path: "/api/calls/browser",
    operationId: "callMeInTheBrowser",
    summary: "Have an agent call your browser tab (carrier simulator)",
    description: "Places a call whose callee is your tab: follow it with GET /api/calls/{call_id}/leg and speak with POST. RESOURCE_003 when Twilio is the provider.",
    tag: "Calls",
    auth: "user",
    permission: "calls.create",
    body: browserCallSchema,
    response: { kind: "json", status: 201, schema: callInitiatedResponse.extend({ leg: z.string() }).meta({ id: "BrowserCall" }) },
    errors: ["RESOURCE_003", "SERVICE_001"],
  },
  {
    method: "GET",
    path: "/api/calls/{call_id}/leg",
    operationId: "followBrowserLeg",
    summary: "What your browser leg hears: events after `after` (a long poll of up to 10 s)",
    description: "Events: ringing, answered, play {url, text, speaker}, listen {timeout}, connected, ended {reason}. Only your own leg; anything else is RESOURCE_001.",
    tag: "Calls",
    auth: "user",
    permission: "calls.view",
    params: callIdParams,
    query: legQuery,
    response: { kind: "json", status: 200, schema: z.object({ events: z.array(z.record(z.string(), z.unknown())), next: z.number().int(), ended: z.boolean() }).meta({ id: "BrowserLegEvents" }) },
  },
  {
    method: "POST",
    path: "/api/calls/{call_id}/leg",
    operationId: "speakOnBrowserLeg",
    summary: "Say something on your browser leg (as speech), or hang it up",
    tag: "Calls",
    auth: "user",
    permission: "calls.view",
    params: callIdParams,
    body: browserLegInputSchema,
    example: { text: "Yes, I'm interested" },
    response: { kind: "json", status: 200, schema: z.object({ accepted: z.boolean() }) },
    errors: ["RESOURCE_003"],
  },
  callback("voice", "The call was answered: the agent's opening", voiceForm),
  callback("recording", "A recording is ready at the provider: copied into storage by a job", recordingForm),
  callback("transfer", "A transfer redirected the call here: the Dial to the person", voiceForm),
  callback("whisper", "Played to the person answering a transfer before they are connected (requested on the dialed leg: ParentCallSid is the call's)", whisperForm),
  callback("dial", "A transfer's Dial ended: connected, or back to the agent", dialForm),
  callback("gather", "What the callee said (or silence): the agent's next turn", gatherForm),
  callback("status", "A call status change (ordered by SequenceNumber)", statusForm),
  callback("amd", "Answering-machine detection's result", amdForm),
  callback("voicemail", "The voicemail drop for a call answered by a machine", voiceForm),
]);
