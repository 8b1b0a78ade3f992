// Wire shapes of the live side of calls: calls in flight, a transfer, "Call me in the browser" and the
// browser leg. From the server's schemas where they are exported (lib/calls/schemas.ts, the
// callInitiatedResponse of lib/calls/operations.ts, LegEvent of the simulator's browser leg); the
// replies of GET /api/calls/active and POST /api/calls/{id}/transfer are declared inline in
// lib/calls/operations.ts, so they are written out here until they are exported.
import type { z } from "zod";
import type { callInitiatedResponse } from "@/lib/calls/operations";
import type { browserCallSchema, browserLegInputSchema, transferCallSchema } from "@/lib/calls/schemas";
import type { LegEvent } from "@/lib/telephony/simulator/browser-leg";

export type { LegEvent };

/** One call of GET /api/calls/active. */
export type ActiveCall = {
  call_id: string;
  status: "initiated" | "ringing" | "in_progress";
  /** Seconds since the answer, as of the read (0 before the answer). */
  duration: number;
  quality_score: number | null;
  phone_number: string;
  campaign_id: string | null;
  campaign_name: string | null;
  lead_id: string | null;
  lead_name: string | null;
  agent_id: string | null;
  agent_name: string | null;
  /** The agent's flow step the call waits at. */
  current_step: string | null;
  last_said: { speaker: "agent" | "lead"; text: string } | null;
  started_at: string;
  answered_at: string | null;
};

export type ActiveCalls = { active_calls: ActiveCall[]; summary: { total_active: number; average_duration: number } };

export type TransferCallBody = z.input<typeof transferCallSchema>;
export type CallTransfer = { call_id: string; transfer: { to: string; status: "ringing"; whisper: string } };

/** POST /api/calls/browser: the call placed to your tab, and the tab's identity on it. */
export type BrowserCall = z.output<typeof callInitiatedResponse> & { leg: string };
export type BrowserCallBody = z.input<typeof browserCallSchema>;

/** GET /api/calls/{id}/leg: the events after `after`, the count to ask after next, and whether it is over. */
export type LegEvents = { events: LegEvent[]; next: number; ended: boolean };
export type LegInput = z.input<typeof browserLegInputSchema>;
