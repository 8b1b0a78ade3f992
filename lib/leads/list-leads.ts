import "server-only";
// A campaign's leads by page (page/limit, unchanged) or by cursor (keyset, for deep iteration).
// `total` costs no count of the campaign unless there is a search: without one it comes from the
// campaign's counters (campaign_stats, exact: kept by triggers in the writing transaction), with a
// status filter too. A search is counted: on every page by page/limit (as always); by cursor only on
// the walk's first page, and later pages repeat that count (carried in the cursor), so a deep walk
// through a search does not count the campaign again per page.
import { db } from "@/lib/db/client";
import { CursorPage, cursorError, decodeCursor, encodeCursor, pageWindow, type CursorKey } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Lead, Prisma } from "@/lib/generated/prisma/client";
import { campaignCounters } from "@/lib/campaigns/campaign-stats";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import type { ListLeadsQuery } from "@/lib/leads/schemas";
import { serializeLead } from "@/lib/leads/serialize";
import { findActiveDncEntries } from "@/lib/dnc/active-dnc";

const SORT_COLUMNS = { created_at: "createdAt", phone_number: "phone", status: "status", last_attempt_at: "lastAttemptAt" } as const;

/**
 * Rows after the cursor's row in (sort key, id) order. Only sorts with an index that ends in the
 * same order take a cursor: (campaign_id, created_at, id) and the unique (campaign_id, phone).
 * `key <= k AND (key < k OR id < i)` is `(key, id) < (k, i)` in a form the index range scan uses.
 */
function afterCursor(q: ListLeadsQuery, cursor: CursorKey): Prisma.LeadWhereInput {
  const strict = q.order === "desc" ? "lt" : "gt";
  const inclusive = q.order === "desc" ? "lte" : "gte";
  if (q.sort === "created_at") {
    const at = new Date(cursor.key);
    if (Number.isNaN(at.getTime())) throw cursorError("Must be a next_cursor from a previous page");
    return { AND: [{ createdAt: { [inclusive]: at } }, { OR: [{ createdAt: { [strict]: at } }, { id: { [strict]: cursor.id } }] }] };
  }
  if (q.sort === "phone_number") {
    return { AND: [{ phone: { [inclusive]: cursor.key } }, { OR: [{ phone: { [strict]: cursor.key } }, { id: { [strict]: cursor.id } }] }] };
  }
  throw cursorError("Cursor pagination sorts by created_at or phone_number");
}

function cursorOf(q: ListLeadsQuery, lead: Lead, total: number | undefined): string | null {
  if (q.sort === "created_at") return encodeCursor(q.sort, q.order, lead.createdAt.toISOString(), lead.id, total);
  if (q.sort === "phone_number") return encodeCursor(q.sort, q.order, lead.phone, lead.id, total);
  return null;
}

export async function listLeads(ctx: AuthContext, campaignId: string, q: ListLeadsQuery) {
  await getCampaignOrThrow(ctx, campaignId);
  const prisma = await db();
  const search = q.search;
  const where: Prisma.LeadWhereInput = {
    campaignId,
    organizationId: ctx.organization.id,
    ...(q.status ? { status: q.status } : {}),
    ...(search
      ? {
          OR: [
            { phone: { contains: search.replace(/[^\d+]/g, "") || search } },
            { firstName: { contains: search, mode: "insensitive" } },
            { lastName: { contains: search, mode: "insensitive" } },
            { email: { contains: search, mode: "insensitive" } },
            { company: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const cursor = q.cursor ? decodeCursor(q.cursor, q) : null;
  const counted = async (): Promise<number> => {
    if (!search) {
      const counters = (await campaignCounters(prisma, ctx.organization.id, [campaignId])).get(campaignId)!;
      return q.status ? counters.leads[q.status] : counters.leads.total;
    }
    return cursor?.total ?? prisma.lead.count({ where });
  };
  // One row beyond the page says whether there is a next one (and gives no cursor past the end).
  const window = cursor ? { take: q.limit + 1 } : { ...pageWindow(q), take: q.limit + 1 };
  const [fetched, total] = await Promise.all([
    prisma.lead.findMany({
      where: cursor ? { AND: [where, afterCursor(q, cursor)] } : where,
      orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }],
      ...window,
    }),
    counted(),
  ]);
  const rows = fetched.slice(0, q.limit);
  const last = rows.at(-1);
  const nextCursor = fetched.length > q.limit && last ? cursorOf(q, last, search ? total : undefined) : null;
  // Whether each number is on the do-not-call list now (it may have been added after the import):
  // one lookup for this page's numbers, through the one DNC rule.
  const listed = new Set((await findActiveDncEntries(prisma, ctx.organization.id, rows.map((r) => r.phone))).map((e) => e.phone));
  return new CursorPage(
    rows.map((row) => serializeLead(row, listed.has(row.phone))),
    total,
    q,
    nextCursor,
    cursor !== null,
  );
}
