import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { serializeCampaign } from "@/lib/campaigns/serialize-campaign";
import type { ListCampaignsQuery } from "@/lib/campaigns/schemas";

const SORT_COLUMNS = { created_at: "createdAt", name: "name", status: "status", updated_at: "updatedAt" } as const;

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
  const [rows, total] = await Promise.all([
    prisma.campaign.findMany({ where, orderBy: [{ [SORT_COLUMNS[q.sort]]: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.campaign.count({ where }),
  ]);
  const stats = await campaignStats(prisma, rows.map((c) => c.id));
  return new Page(rows.map((c) => serializeCampaign(c, stats.get(c.id)!)), total, q);
}
