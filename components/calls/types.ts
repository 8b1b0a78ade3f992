// The Calls pages' wire shapes, from the server's zod schemas (the response in lib/calls/operations.ts,
// the requests in lib/calls/schemas.ts, the vocabularies in lib/calls/call-status.ts and
// lib/agents/vocabulary.ts). Types only here; only client-side state (list filters) is written out.
import type { z } from "zod";
import type { DISPOSITIONS } from "@/lib/agents/vocabulary";
import type { CALL_STATUSES, ENDED_REASONS } from "@/lib/calls/call-status";
import type { callResponse, callSummaryResponse } from "@/lib/calls/operations";
import type { updateCallSchema } from "@/lib/calls/schemas";
import type { Pagination } from "@/lib/client/api-client";

export type CallStatus = (typeof CALL_STATUSES)[number];
export type EndedReason = (typeof ENDED_REASONS)[number];
export type CallDisposition = (typeof DISPOSITIONS)[number];

/** GET /api/calls/{id}. */
export type Call = z.output<typeof callResponse>;

export type TranscriptSegment = Call["transcript"][number];
export type CostBreakdown = NonNullable<Call["cost_breakdown"]>;
export type TimelineEntry = Call["timeline"][number];

/** One row of GET /api/calls: the call's identity and outcome with the names of what it belongs to. */
export type CallSummary = z.output<typeof callSummaryResponse>;

/** The list's pagination: `next_cursor` walks deep pages; with `total_capped`, `total` is a lower bound. */
export type CallsPagination = Pagination & { next_cursor?: string | null; total_capped?: boolean };

export type CallsPage = { data: CallSummary[]; pagination: CallsPagination };

export type UpdateCallBody = z.input<typeof updateCallSchema>;

/** The list's filters, as the URL keeps them (cursor and page belong to the query, not the filters). */
export type CallListFilters = {
  status?: CallStatus;
  disposition?: CallDisposition;
  campaign_id?: string;
  agent_id?: string;
  lead_id?: string;
  date_from?: string;
  date_to?: string;
};
