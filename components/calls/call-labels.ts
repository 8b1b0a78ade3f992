// Words for a call's status, why it ended, its disposition and its sentiment, as the Calls pages show them.
import type { BadgeTone } from "@/components/ui/badge";
import { DISPOSITION_LABELS } from "@/components/agents/agent-labels";
import type { CallDisposition, CallStatus, EndedReason } from "@/components/calls/types";

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  initiated: "Dialing",
  ringing: "Ringing",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
};

export const CALL_STATUS_TONES: Record<CallStatus, BadgeTone> = {
  initiated: "neutral",
  ringing: "brand",
  in_progress: "brand",
  completed: "success",
  failed: "danger",
};

/** Still on the line (or about to be): the detail polls, and may be hung up. */
export function isActiveStatus(status: string): boolean {
  return status === "initiated" || status === "ringing" || status === "in_progress";
}

const ENDED_REASON_TEXT: Record<EndedReason, string> = {
  busy: "The line was busy",
  no_answer: "No one answered",
  canceled: "Canceled before it was answered",
  voicemail: "Left a voicemail",
  hung_up_by_lead: "The lead hung up",
  agent_ended: "The agent ended the call",
  transferred: "Transferred to a person",
  max_duration: "Reached the time limit",
  carrier_failed: "The carrier could not connect it",
  carrier_lost: "Lost contact with the carrier",
};

/** Why a call ended, in words; a reason this dashboard does not know yet is spelled out from its code. */
export function endedReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  if (Object.hasOwn(ENDED_REASON_TEXT, reason)) return ENDED_REASON_TEXT[reason as EndedReason];
  return humanize(reason);
}

export { DISPOSITION_LABELS };

export function dispositionLabel(disposition: string | null | undefined): string | null {
  if (!disposition) return null;
  return Object.hasOwn(DISPOSITION_LABELS, disposition) ? DISPOSITION_LABELS[disposition as CallDisposition] : humanize(disposition);
}

export const DISPOSITION_TONES: Record<CallDisposition, BadgeTone> = {
  interested: "success",
  converted: "success",
  callback: "warning",
  transferred: "brand",
  not_interested: "neutral",
  voicemail: "neutral",
  no_response: "neutral",
  wrong_number: "neutral",
  do_not_call: "danger",
};

export function dispositionTone(disposition: string): BadgeTone {
  return Object.hasOwn(DISPOSITION_TONES, disposition) ? DISPOSITION_TONES[disposition as CallDisposition] : "neutral";
}

export function sentimentTone(sentiment: string | null | undefined): BadgeTone {
  if (sentiment === "positive") return "success";
  if (sentiment === "negative") return "danger";
  return "neutral";
}

/** "hung_up_by_lead" → "Hung up by lead"; "qualityScore" → "Quality score". */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}
