// The Call Service's request schemas, and the form fields provider callbacks send (Twilio's names).
import { z } from "zod";

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
    disposition: z.enum(["interested", "not_interested", "callback", "converted", "do_not_call", "wrong_number", "voicemail", "transferred", "no_response"]).optional(),
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
