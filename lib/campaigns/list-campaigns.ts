import "server-only";
// The organization's campaigns by page (page/limit) or by cursor (keyset on sort key + id). Progress
// and performance come from the counters (one campaign_stats row per campaign on the page), so the
// cost is the page, whatever the number of leads and calls. `total` counts the organization's
// campaigns (not their leads), which the (organization_id, …) indexes answer.
import { db } from "@/lib/db/client";
import { CursorPage, cursorError, decodeCursor, encodeCursor, pageWindow, type CursorKey } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Campaign, Prisma } from "@/lib/generated/prisma/client";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { serializeCampaign } from "@/lib/campaigns/serialize-campaign";
import { CAMPAIGN_STATUSES, type ListCampaignsQuery } from "@/lib/campaigns/schemas";

const SORT_COLUMNS = { created_at: "createdAt", name: "name", status: "status", updated_at: "updatedAt" } as const;

function keyOf(q: ListCampaignsQuery, c: Campaign): string {
  if (q.sort === "created_at") return c.createdAt.toISOString();
  if (q.sort === "updated_at") return c.updatedAt.toISOString();
  return q.sort === "name" ? c.name : c.status;
}

/** `(key, id)` after the cursor's, in the form an index range scan can use (see lib/leads/list-leads.ts). */
function afterCursor(q: ListCampaignsQuery, cursor: CursorKey): Prisma.CampaignWhereInput {
  const strict = q.order === "desc" ? "lt" : "gt";
  const inclusive = q.order === "desc" ? "lte" : "gte";
  if (q.sort === "status") {
    // Enums sort in declaration order and Prisma has no lt/gt for them: "before" is a set of values.
    const at = (CAMPAIGN_STATUSES as readonly string[]).indexOf(cursor.key);
    if (at < 0) throw cursorError("Must be a next_cursor from a previous page");
    const beyond = q.order === "desc" ? CAMPAIGN_STATUSES.slice(0, at) : CAMPAIGN_STATUSES.slice(at + 1);
    return { OR: [{ status: { in: [...beyond] } }, { status: CAMPAIGN_STATUSES[at], id: { [strict]: cursor.id } }] };
  }
  let key: Date | string = cursor.key;
  if (q.sort === "created_at" || q.sort === "updated_at") {
    key = new Date(cursor.key);
    if (Number.isNaN(key.getTime())) throw cursorError("Must be a next_cursor from a previous page");
  }
  const column = SORT_COLUMNS[q.sort];
  return { AND: [{ [column]: { [inclusive]: key } }, { OR: [{ [column]: { [strict]: key } }, { id: { [strict]: cursor.id } }] }] };
}

export async function listCampaigns(ctx: AuthContext, q: ListCampaignsQuery) {
  const prisma = await db();
  const where: Prisma.CampaignWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.status ? { status: q.status } : {}),
    ...(q.campaign_type ? { campaignType: q.campaign_type } : {}),
    ...(q.search
      ? {
          OR: [
            { name: { contains: q.search, mode: "insensitive" } },
            { description: { contains: q.search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const cursor = q.cursor ? decodeCursor(q.cursor, q) : null;
  // One row beyond the page says whether there is a next one.
  const window = cursor ? { take: q.limit + 1 } : { ...pageWindow(q), take: q.limit + 1 };
  const [fetched, total] = await Promise.all([
    prisma.campaign.findMany({
      where: cursor ? { AND: [where, afterCursor(q, cursor)] } : where,
      orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }],
      ...window,
    }),
    prisma.campaign.count({ where }),
  ]);
  const rows = fetched.slice(0, q.limit);
  const last = rows.at(-1);
  const nextCursor = fetched.length > q.limit && last ? encodeCursor(q.sort, q.order, keyOf(q, last), last.id) : null;
  const stats = await campaignStats(prisma, ctx.organization.id, rows.map((c) => c.id));
  return new CursorPage(
    rows.map((c) => serializeCampaign(c, stats.get(c.id)!)),
    total,
    q,
    nextCursor,
    cursor !== null,
  );
}
