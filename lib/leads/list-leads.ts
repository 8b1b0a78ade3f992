import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import type { ListLeadsQuery } from "@/lib/leads/schemas";
import { serializeLead } from "@/lib/leads/serialize";
import { findActiveDncEntries } from "@/lib/dnc/active-dnc";

const SORT_COLUMNS = { created_at: "createdAt", phone_number: "phone", status: "status", last_attempt_at: "lastAttemptAt" } as const;

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
  const [rows, total] = await Promise.all([
    prisma.lead.findMany({ where, orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.lead.count({ where }),
  ]);
  // Whether each number is on the do-not-call list now (it may have been added after the import):
  // one lookup for this page's numbers, through the one DNC rule.
  const listed = new Set((await findActiveDncEntries(prisma, ctx.organization.id, rows.map((r) => r.phone))).map((e) => e.phone));
  return new Page(
    rows.map((row) => serializeLead(row, listed.has(row.phone))),
    total,
    q,
  );
}
