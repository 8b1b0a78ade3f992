import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import type { ListLeadsQuery } from "@/lib/leads/schemas";
import { serializeLead } from "@/lib/leads/serialize";

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
  return new Page(rows.map(serializeLead), total, q);
}
