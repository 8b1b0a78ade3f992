import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { supportedTimeZones } from "@/lib/client/time-zones";
import { EditCampaign } from "@/components/campaigns/edit-campaign";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ campaign_id: string }> }) {
  await requirePagePermission("campaigns.update");
  const { campaign_id } = await params;
  return <EditCampaign campaignId={campaign_id} timeZones={supportedTimeZones()} />;
}
