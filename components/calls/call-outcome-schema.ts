// The outcome form (disposition, the customer's satisfaction, notes): what it shows for a call, and the
// PUT body it sends — only what changed, since the API cannot clear a disposition or a rating.
import { z } from "zod";
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import type { Call, UpdateCallBody } from "@/components/calls/types";

export const NOTES_MAX = 5000;

export const SATISFACTION_LABELS: Record<string, string> = {
  "1": "1 – Very unhappy",
  "2": "2 – Unhappy",
  "3": "3 – Neutral",
  "4": "4 – Happy",
  "5": "5 – Very happy",
};

export const callOutcomeFormSchema = z.object({
  disposition: z.union([z.literal(""), z.enum(DISPOSITIONS)]),
  customer_satisfaction: z
    .string()
    .refine((v) => v === "" || (Number.isFinite(Number(v)) && Number(v) >= 1 && Number(v) <= 5), "Choose a rating from 1 to 5"),
  agent_notes: z.string().max(NOTES_MAX, `Must be at most ${NOTES_MAX.toLocaleString("en-US")} characters`),
});

export type CallOutcomeFormValues = z.infer<typeof callOutcomeFormSchema>;

export function outcomeDefaults(call: Pick<Call, "disposition" | "customer_satisfaction" | "agent_notes">): CallOutcomeFormValues {
  const disposition = (DISPOSITIONS as readonly string[]).includes(call.disposition ?? "") ? (call.disposition as CallOutcomeFormValues["disposition"]) : "";
  return {
    disposition,
    customer_satisfaction: call.customer_satisfaction === null ? "" : String(call.customer_satisfaction),
    agent_notes: call.agent_notes ?? "",
  };
}

/** The ratings to offer: 1–5, and the saved one when it is in between (an integrator sent 4.5). */
export function satisfactionOptions(saved: string): { value: string; label: string }[] {
  const options = Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label }));
  if (saved && !(saved in SATISFACTION_LABELS)) {
    options.push({ value: saved, label: saved });
    options.sort((a, b) => Number(a.value) - Number(b.value));
  }
  return options;
}

/** The fields that differ from what was loaded, as the PUT body; null when nothing changed. */
export function outcomeBody(values: CallOutcomeFormValues, loaded: CallOutcomeFormValues): UpdateCallBody | null {
  const body: UpdateCallBody = {};
  if (values.disposition && values.disposition !== loaded.disposition) body.disposition = values.disposition;
  if (values.customer_satisfaction && values.customer_satisfaction !== loaded.customer_satisfaction) {
    body.customer_satisfaction = Number(values.customer_satisfaction);
  }
  const notes = values.agent_notes.trim();
  if (notes !== loaded.agent_notes.trim()) body.agent_notes = notes === "" ? null : notes;
  return Object.keys(body).length ? body : null;
}
