import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Another organization's campaign id is simply "not found". Pass `tx` when inside a transaction. */
export async function getCampaignOrThrow(
  ctx: Pick<AuthContext, "organization">,
  campaignId: string,
  tx?: Pick<Prisma.TransactionClient, "campaign">,
) {
  const client = tx ?? (await db());
  const campaign = await client.campaign.findFirst({ where: { id: campaignId, organizationId: ctx.organization.id } });
  if (!campaign) throw new ApiError("RESOURCE_001", "Campaign not found");
  return campaign;
}
