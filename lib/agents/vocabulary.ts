// The words both engines speak in: what a caller may mean (intents), how a call may end
// (dispositions) and what an engine may do (actions, ../shared/CALL-PATH.md). Pure and shared by the
// server, the dashboard and the telephony layer that turns actions into TwiML.

export const INTENTS = [
  "affirm",
  "deny",
  "interested",
  "not_interested",
  "callback_request",
  "question",
  "price_question",
  "opt_out",
  "wrong_person",
  "who_is_this",
  "is_this_a_robot",
  "repeat",
  "hostile",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export const DISPOSITIONS = [
  "interested",
  "not_interested",
  "callback",
  "converted",
  "do_not_call",
  "wrong_number",
  "voicemail",
  "transferred",
  "no_response",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const ENTITY_TYPES = ["date", "time", "duration", "money", "number"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type Entity = { type: EntityType; text: string; value: string | number };

export type Action =
  | { type: "say"; text: string }
  | { type: "listen"; hints: string[]; timeout: number }
  | { type: "transfer"; to: string; whisper: string }
  | { type: "end"; disposition: Disposition }
  | { type: "schedule_callback"; at: string | null }
  | { type: "opt_out" }
  | { type: "record_answer"; field: string; value: string };
