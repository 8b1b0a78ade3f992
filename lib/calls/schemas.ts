// The Call Service's request schemas, and the form fields provider callbacks send (Twilio's names).
import { z } from "zod";
import { cursorParam, paginationQuery } from "@/lib/api/pagination";
import { dateOrInstant } from "@/lib/campaigns/schemas";

export const CALL_API_STATUSES = ["initiated", "ringing", "in_progress", "completed", "failed"] as const;
export const CALL_DISPOSITIONS = ["interested", "not_interested", "callback", "converted", "do_not_call", "wrong_number", "voicemail", "transferred", "no_response"] as const;

export const initiateCallSchema = z.strictObject({
  campaign_id: z.string().min(1).max(64).optional(),
  lead_id: z.string().min(1).max(64).optional(),
  phone_number: z.string().trim().min(3).max(32).meta({ description: "The number to call; normalised to E.164 with your organization's default country" }),
  agent_id: z.string().min(1).max(64),
  settings: z
    .strictObject({
      recording: z.boolean().default(true),
      transcription: z.boolean().default(true),
      max_duration: z.number().int().min(30).max(14_400).default(1800).meta({ description: "Seconds the call may last once answered" }),
    })
    .default({ recording: true, transcription: true, max_duration: 1800 }),
});
export type InitiateCallInput = z.infer<typeof initiateCallSchema>;

export const callIdParams = z.object({ call_id: z.string().min(1).max(64) });

export const updateCallSchema = z
  .strictObject({
    status: z.enum(["completed"]).optional().meta({ description: "completed on an active call hangs it up through the provider" }),
    disposition: z.enum(CALL_DISPOSITIONS).optional(),
    customer_satisfaction: z.number().min(1).max(5).optional(),
    agent_notes: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");
export type UpdateCallInput = z.infer<typeof updateCallSchema>;

/** Every provider callback names the call it is about (our id, in the URL) and Twilio's sid. */
export const callbackQuery = z.object({ call: z.string().min(1).max(64) });

const providerBase = {
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  AccountSid: z.string().optional(),
  CallStatus: z.string().optional(),
};

export const voiceForm = z.looseObject(providerBase);
/** The whisper is fetched on the dialed (child) leg: CallSid is the child's, ParentCallSid the call's. */
export const whisperForm = z.looseObject({ ...providerBase, ParentCallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/).optional() });
export const gatherForm = z.looseObject({
  ...providerBase,
  SpeechResult: z.string().max(5000).optional(),
  Confidence: z.string().optional(),
});
export const statusForm = z.looseObject({
  ...providerBase,
  CallStatus: z.enum(["queued", "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled"]),
  SequenceNumber: z.string().regex(/^\d+$/).optional(),
  CallDuration: z.string().regex(/^\d+$/).optional(),
  ErrorCode: z.string().optional(),
  ErrorMessage: z.string().optional(),
});
export const amdForm = z.looseObject({
  ...providerBase,
  AnsweredBy: z.enum(["human", "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown"]),
});

export const listCallsQuery = paginationQuery(["started_at"]).extend({
  status: z.enum(CALL_API_STATUSES).optional().meta({ description: "failed includes busy, no answer and canceled calls (see ended_reason)" }),
  campaign_id: z.string().min(1).max(64).optional(),
  agent_id: z.string().min(1).max(64).optional(),
  lead_id: z.string().min(1).max(64).optional(),
  disposition: z.enum(CALL_DISPOSITIONS).optional(),
  date_from: dateOrInstant.optional().meta({ description: "Calls started at or after this; a date is local midnight in your organization's time zone" }),
  date_to: dateOrInstant.optional().meta({ description: "Calls started before this; a date includes that whole day" }),
  // Keyset pagination for deep iteration: next_cursor of a previous page.
  cursor: cursorParam,
});
export type ListCallsQuery = z.infer<typeof listCallsQuery>;

export const recordingForm = z.looseObject({
  ...providerBase,
  RecordingSid: z.string().regex(/^RE[0-9a-fA-F]{32}$/),
  RecordingUrl: z.url({ protocol: /^https?$/ }),
  RecordingStatus: z.enum(["in-progress", "completed", "absent", "failed"]),
  RecordingDuration: z.string().regex(/^\d+$/).optional(),
  RecordingChannels: z.string().regex(/^[12]$/).optional(),
});

export const transferCallSchema = z.strictObject({
  to: z.string().trim().min(1).max(64).meta({ description: "A phone number, or your own user id to take the call over in your browser tab (carrier simulator)" }),
});
export type TransferCallInput = z.infer<typeof transferCallSchema>;

/** The browser leg: what the person in the tab says (as a speech result), or that they hang up. */
export const browserLegInputSchema = z.union([
  z.strictObject({ text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ hangup: z.literal(true) }),
]);
export type BrowserLegInput = z.infer<typeof browserLegInputSchema>;

export const browserCallSchema = z.strictObject({
  agent_id: z.string().min(1).max(64),
  campaign_id: z.string().min(1).max(64).optional(),
});
export type BrowserCallInput = z.infer<typeof browserCallSchema>;

export const dialForm = z.looseObject({
  ...providerBase,
  DialCallStatus: z.enum(["completed", "answered", "busy", "no-answer", "failed", "canceled"]),
  DialCallDuration: z.string().regex(/^\d+$/).optional(),
});

export const legQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,6}$/, "Must be the `next` of the previous reply (a whole number)")
    .transform(Number)
    .default(0)
    .meta({ description: "How many events you already have (the previous reply's `next`)" }),
});
