import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { campaignStats } from "@/lib/campaigns/campaign-stats";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { serializeCampaign } from "@/lib/campaigns/serialize-campaign";

export async function getCampaign(ctx: Pick<AuthContext, "organization">, campaignId: string) {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  const stats = await campaignStats(await db(), ctx.organization.id, [campaign.id]);
  return serializeCampaign(campaign, stats.get(campaign.id)!);
}
