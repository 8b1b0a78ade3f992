import "server-only";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseOrThrow } from "@/lib/api/validation";
import type { AuthContext } from "@/lib/auth/context";
import { assertSpeakingVoice } from "@/lib/voice/voices";
import { assertAgentOfOrganization } from "@/lib/agents/get-agent-or-throw";
import {
  campaignScheduleSchema,
  campaignSettingsSchema,
  DEFAULT_SETTINGS,
  type CreateCampaignInput,
} from "@/lib/campaigns/schemas";

export async function createCampaign(ctx: AuthContext, input: CreateCampaignInput) {
  // Fill every setting now so stored campaigns are complete; the time zone defaults to the org's.
  const settings = parseOrThrow(
    campaignSettingsSchema,
    { ...DEFAULT_SETTINGS, timezone: ctx.organization.timezone, ...input.settings },
    "body",
    ["settings"],
  );
  const schedule = parseOrThrow(campaignScheduleSchema, { start_date: null, end_date: null, ...input.schedule }, "body", ["schedule"]);
  if (settings.voice_id) await assertSpeakingVoice(ctx, settings.voice_id, "settings.voice_id");
  const prisma = await db();
  const campaign = await prisma.$transaction(async (tx) => {
    if (settings.agent_id) await assertAgentOfOrganization(ctx, settings.agent_id, "settings.agent_id", tx);
    const created = await tx.campaign.create({
      data: {
        id: newId("campaign"),
        organizationId: ctx.organization.id,
        name: input.name,
        description: input.description ?? null,
        campaignType: input.campaign_type,
        settings,
        schedule,
        createdById: ctx.user.id,
      },
    });
    await recordAudit(tx, ctx, "campaign.created", { type: "campaign", id: created.id }, { name: created.name });
    return created;
  });
  return { campaign_id: campaign.id, name: campaign.name, status: campaign.status, created_at: campaign.createdAt.toISOString() };
}
