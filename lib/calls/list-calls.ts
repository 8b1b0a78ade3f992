import "server-only";
// GET /api/calls: the organization's calls, newest first, by page (the first 10,000 rows) or by cursor.
// Each single filter is served by an index that ends in started_at — (organization_id, started_at),
// (organization_id, status | disposition, started_at), (campaign_id | agent_id | lead_id, started_at)
// — so a page reads its rows and no more; filters combined read along the most selective of them. `total` is counted, but never past TOTAL_CAP rows: beyond that it says "at least"
// (total_capped), so the count of an organization with millions of calls costs the cap, not the table.
import { db } from "@/lib/db/client";
import { CursorPage, cursorError, decodeCursor, encodeCursor, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Call, Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { apiStatus } from "@/lib/calls/apply-status";
import type { ListCallsQuery } from "@/lib/calls/schemas";

/** GitHub-style "1,000+": exact below, a lower bound above; the cursor walks on past it. */
export const TOTAL_CAP = 1_000;
/** The deepest row a page number reaches; cursors go further. */
export const MAX_OFFSET = 10_000;

/** The API's failed is four stored statuses. */
const STORED_STATUSES: Record<NonNullable<ListCallsQuery["status"]>, Call["status"][]> = {
  initiated: ["initiated"],
  ringing: ["ringing"],
  in_progress: ["in_progress"],
  completed: ["completed"],
  failed: ["failed", "busy", "no_answer", "canceled"],
};

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A date is a calendar day in the organization's zone (date_to includes it); a date-time is an instant. */
async function bounds(q: ListCallsQuery, tz: string): Promise<{ from?: Date; to?: Date }> {
  const prisma = await db();
  const localMidnight = async (date: string, plusDays: number) => {
    const [row] = await prisma.$queryRaw<{ at: Date }[]>`SELECT ((${date}::date + ${plusDays}::int)::timestamp AT TIME ZONE ${tz}) AS at`;
    return row!.at;
  };
  const from = q.date_from ? (isDate(q.date_from) ? await localMidnight(q.date_from, 0) : new Date(q.date_from)) : undefined;
  const to = q.date_to ? (isDate(q.date_to) ? await localMidnight(q.date_to, 1) : new Date(q.date_to)) : undefined;
  if (from && to && from > to) {
    throw new ApiError("VALIDATION_003", "date_from must not be after date_to", { fields: [{ field: "date_from", code: "VALIDATION_003", message: "After date_to" }] });
  }
  return { from, to };
}

export type CallSummary = ReturnType<typeof summarize>;

function summarize(call: Call, names: { campaigns: Map<string, string>; agents: Map<string, string>; leads: Map<string, string> }) {
  return {
    call_id: call.id,
    status: apiStatus(call.status),
    ended_reason: call.endedReason,
    disposition: call.disposition,
    phone_number: call.phone,
    direction: call.direction,
    campaign_id: call.campaignId,
    campaign_name: call.campaignId ? (names.campaigns.get(call.campaignId) ?? null) : null,
    lead_id: call.leadId,
    lead_name: call.leadId ? (names.leads.get(call.leadId) ?? null) : null,
    agent_id: call.agentId,
    agent_name: call.agentId ? (names.agents.get(call.agentId) ?? null) : null,
    duration: call.durationSeconds ?? 0,
    cost: Number(call.cost),
    started_at: call.startedAt.toISOString(),
    answered_at: call.answeredAt?.toISOString() ?? null,
    ended_at: call.endedAt?.toISOString() ?? null,
    analysis: { sentiment: call.sentiment, conversion: call.converted, quality_score: call.qualityScore === null ? null : Number(call.qualityScore) },
  };
}

/** The names on one page: three lookups by primary key, whatever the page size. */
export async function namesFor(organizationId: string, calls: Pick<Call, "campaignId" | "agentId" | "leadId">[]) {
  const prisma = await db();
  const ids = (pick: (c: (typeof calls)[number]) => string | null) => [...new Set(calls.map(pick).filter((id): id is string => id !== null))];
  const [campaigns, agents, leads] = await Promise.all([
    prisma.campaign.findMany({ where: { organizationId, id: { in: ids((c) => c.campaignId) } }, select: { id: true, name: true } }),
    prisma.agent.findMany({ where: { organizationId, id: { in: ids((c) => c.agentId) } }, select: { id: true, name: true } }),
    prisma.lead.findMany({ where: { organizationId, id: { in: ids((c) => c.leadId) } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  return {
    campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
    agents: new Map(agents.map((a) => [a.id, a.name])),
    leads: new Map(leads.map((l) => [l.id, [l.firstName, l.lastName].filter(Boolean).join(" ")]).filter(([, name]) => name !== "") as [string, string][]),
  };
}

export async function listCalls(ctx: AuthContext, q: ListCallsQuery) {
  const prisma = await db();
  const { from, to } = await bounds(q, ctx.organization.timezone);
  const where: Prisma.CallWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.status ? { status: { in: STORED_STATUSES[q.status] } } : {}),
    ...(q.campaign_id ? { campaignId: q.campaign_id } : {}),
    ...(q.agent_id ? { agentId: q.agent_id } : {}),
    ...(q.lead_id ? { leadId: q.lead_id } : {}),
    ...(q.disposition ? { disposition: q.disposition } : {}),
    ...(from || to ? { startedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
  const cursor = q.cursor ? decodeCursor(q.cursor, q) : null;
  // Deep pages by number would make Postgres read and skip every row before them (OFFSET): past
  // MAX_OFFSET rows the walk goes on by cursor.
  if (!cursor && (q.page - 1) * q.limit >= MAX_OFFSET) {
    throw new ApiError("VALIDATION_003", `page: Pages past the first ${MAX_OFFSET.toLocaleString("en-US")} calls are read with cursor (next_cursor)`, {
      fields: [{ field: "page", code: "VALIDATION_003", message: `At most ${Math.floor(MAX_OFFSET / q.limit)} with limit ${q.limit}; use cursor beyond` }],
    });
  }
  let after: Prisma.CallWhereInput | null = null;
  if (cursor) {
    const at = new Date(cursor.key);
    // A key the database cannot hold (year −271821…) is a forged cursor, not a server error.
    if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1900 || at.getUTCFullYear() > 2999) throw cursorError("Must be a next_cursor from a previous page");
    const strict = q.order === "desc" ? "lt" : "gt";
    const inclusive = q.order === "desc" ? "lte" : "gte";
    // (started_at, id) past the cursor's row, in a form an index range scan uses.
    after = { AND: [{ startedAt: { [inclusive]: at } }, { OR: [{ startedAt: { [strict]: at } }, { id: { [strict]: cursor.id } }] }] };
  }
  const window = cursor ? { take: q.limit + 1 } : { ...pageWindow(q), take: q.limit + 1 };
  const counted = async (): Promise<number> => {
    if (cursor?.total !== undefined) return cursor.total;
    // Counting stops at the cap (a LIMIT inside the count): the rows past it are never read.
    return prisma.call.count({ where, take: TOTAL_CAP + 1 });
  };
  const [fetched, counting] = await Promise.all([
    prisma.call.findMany({ where: after ? { AND: [where, after] } : where, orderBy: [{ startedAt: q.order }, { id: q.order }], ...window }),
    counted(),
  ]);
  const capped = counting > TOTAL_CAP;
  const total = Math.min(counting, TOTAL_CAP);
  const rows = fetched.slice(0, q.limit);
  const last = rows.at(-1);
  const nextCursor = fetched.length > q.limit && last ? encodeCursor(q.sort, q.order, last.startedAt.toISOString(), last.id, counting) : null;
  const names = await namesFor(ctx.organization.id, rows);
  return new CappedCursorPage(rows.map((row) => summarize(row, names)), total, q, nextCursor, cursor !== null, capped);
}

/** A cursor page whose total may be a lower bound. */
class CappedCursorPage<T> extends CursorPage<T> {
  constructor(items: T[], total: number, query: Pick<ListCallsQuery, "page" | "limit">, nextCursor: string | null, byCursor: boolean, readonly capped: boolean) {
    super(items, total, query, nextCursor, byCursor);
  }

  override pagination() {
    const base = super.pagination();
    // Past the cap the page count is unknown: whether there is more is what the query fetched says.
    return { ...base, ...(this.capped ? { has_next: this.nextCursor !== null } : {}), total_capped: this.capped };
  }
}
