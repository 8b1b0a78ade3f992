// Wire shapes of the live side of calls: calls in flight, a transfer, "Call me in the browser" and the
// browser leg, from the server's schemas (lib/calls/schemas.ts, lib/calls/operations.ts) and the
// simulator's LegEvent.
import type { z } from "zod";
import type { activeCallsResponse, callInitiatedResponse, callTransferResponse } from "@/lib/calls/operations";
import type { browserCallSchema, browserLegInputSchema, transferCallSchema } from "@/lib/calls/schemas";
import type { LegEvent } from "@/lib/telephony/simulator/browser-leg";

export type { LegEvent };

/** GET /api/calls/active and one of its calls. */
export type ActiveCalls = z.output<typeof activeCallsResponse>;
export type ActiveCall = ActiveCalls["active_calls"][number];

export type TransferCallBody = z.input<typeof transferCallSchema>;
export type CallTransfer = z.output<typeof callTransferResponse>;

/** POST /api/calls/browser: the call placed to your tab, and the tab's identity on it. */
export type BrowserCall = z.output<typeof callInitiatedResponse> & { leg: string };
export type BrowserCallBody = z.input<typeof browserCallSchema>;

/** GET /api/calls/{id}/leg: the events after `after`, the count to ask after next, and whether it is over. */
export type LegEvents = { events: LegEvent[]; next: number; ended: boolean };
export type LegInput = z.input<typeof browserLegInputSchema>;
