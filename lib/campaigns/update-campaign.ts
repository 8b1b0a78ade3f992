import "server-only";
// Partial update with merged settings, and status transitions through the status machine
// (lib/campaigns/transitions.ts). Completed and cancelled campaigns are read-only. A transition writes
// its outbox event in the same transaction. Going live needs at least one callable lead and a
// schedule that has not already ended.
import { ApiError } from "@/lib/api/errors";
import { parseOrThrow } from "@/lib/api/validation";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordEvent } from "@/lib/events/record-event";
import type { AuthContext } from "@/lib/auth/context";
import { assertSpeakingVoice } from "@/lib/voice/voices";
import { assertAgentOfOrganization } from "@/lib/agents/get-agent-or-throw";
import type { Campaign, Prisma } from "@/lib/generated/prisma/client";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { allowedTransitions, isTerminal, transitionEvent } from "@/lib/campaigns/transitions";
import { hasCallableLead } from "@/lib/leads/callable";
import {
  campaignScheduleSchema,
  campaignSettingsSchema,
  type CampaignSchedule,
  type CampaignSettings,
  type CampaignStatus,
  type UpdateCampaignInput,
} from "@/lib/campaigns/schemas";

async function assertCanGoLive(tx: Prisma.TransactionClient, campaign: Campaign, schedule: CampaignSchedule, settings: CampaignSettings) {
  if (schedule.end_date && Date.parse(schedule.end_date) <= Date.now()) {
    throw new ApiError("RESOURCE_003", "The campaign's schedule has already ended; move schedule.end_date first", {
      reason: "schedule_ended",
      fields: [{ field: "schedule.end_date", code: "RESOURCE_003", message: "In the past" }],
    });
  }
  if (!(await hasCallableLead(tx, campaign.id, settings.max_attempts_per_prospect))) {
    throw new ApiError("RESOURCE_003", "The campaign has no callable leads; import leads before starting it", {
      reason: "no_callable_leads",
    });
  }
}

export async function updateCampaign(ctx: AuthContext, campaignId: string, input: UpdateCampaignInput) {
  // Checked before the transaction (a catalogue sync may write): a new voice must be a ready one of ours.
  if (input.settings?.voice_id) await assertSpeakingVoice(ctx, input.settings.voice_id, "settings.voice_id");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    // Lock the row so two concurrent transitions cannot both pass the checks.
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} AND organization_id = ${ctx.organization.id} FOR UPDATE`;
    const campaign = await getCampaignOrThrow(ctx, campaignId, tx);
    if (input.settings?.agent_id) await assertAgentOfOrganization(ctx, input.settings.agent_id, "settings.agent_id", tx);
    const from = campaign.status as CampaignStatus;
    if (isTerminal(from)) {
      throw new ApiError("RESOURCE_003", `A ${from} campaign cannot be modified`, { status: from, allowed: [] });
    }
    const settings = input.settings
      ? parseOrThrow(campaignSettingsSchema, { ...(campaign.settings as CampaignSettings), ...input.settings }, "body", ["settings"])
      : (campaign.settings as CampaignSettings);
    const schedule = input.schedule
      ? parseOrThrow(campaignScheduleSchema, { ...(campaign.schedule as CampaignSchedule), ...input.schedule }, "body", ["schedule"])
      : (campaign.schedule as CampaignSchedule);

    const to = input.status && input.status !== from ? input.status : null;
    if (to) {
      const allowed = allowedTransitions(from);
      if (!allowed.includes(to)) {
        throw new ApiError("RESOURCE_003", `Cannot change a ${from} campaign to ${to}`, { from, to, allowed });
      }
      if (to === "active") await assertCanGoLive(tx, campaign, schedule, settings);
    }
    if (input.campaign_type && input.campaign_type !== campaign.campaignType && from !== "draft") {
      throw new ApiError("RESOURCE_003", "The campaign type can only change while the campaign is a draft", {
        fields: [{ field: "campaign_type", code: "RESOURCE_003", message: "Only in draft" }],
      });
    }
    const now = new Date();
    await tx.campaign.update({
      where: { id: campaign.id },
      data: {
        name: input.name,
        description: input.description,
        campaignType: input.campaign_type,
        settings,
        schedule,
        ...(to ? { status: to } : {}),
        ...(to === "active" && !campaign.startedAt ? { startedAt: now } : {}),
        ...(to === "completed" || to === "cancelled" ? { endedAt: now } : {}),
      },
    });
    const event = to ? transitionEvent(to) : null;
    if (event) {
      await recordEvent(tx, ctx.organization.id, event, {
        campaign_id: campaign.id,
        name: input.name ?? campaign.name,
        status: to,
        previous_status: from,
        timestamp: now.toISOString(),
      });
    }
    await recordAudit(tx, ctx, to ? `campaign.${to === "active" ? "started" : to}` : "campaign.updated", { type: "campaign", id: campaign.id }, {
      fields: Object.keys(input),
      ...(to ? { from, to } : {}),
    });
  });
  return getCampaign(ctx, campaignId);
}
