import type { Campaign } from "@/lib/generated/prisma/client";
import type { CampaignStats } from "@/lib/campaigns/campaign-stats";
import type { CampaignSchedule, CampaignSettings } from "@/lib/campaigns/schemas";

/** The spec's campaign shape ("Campaign Service API"), with settings, schedule and the computed stats. */
export function serializeCampaign(campaign: Campaign, stats: CampaignStats) {
  return {
    campaign_id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    campaign_type: campaign.campaignType,
    status: campaign.status,
    progress: stats.progress,
    performance: stats.performance,
    settings: campaign.settings as CampaignSettings,
    schedule: campaign.schedule as CampaignSchedule,
    started_at: campaign.startedAt?.toISOString() ?? null,
    ended_at: campaign.endedAt?.toISOString() ?? null,
    created_at: campaign.createdAt.toISOString(),
    updated_at: campaign.updatedAt.toISOString(),
  };
}
export type CampaignResponse = ReturnType<typeof serializeCampaign>;
