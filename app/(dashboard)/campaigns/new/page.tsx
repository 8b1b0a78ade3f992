import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { supportedTimeZones } from "@/lib/client/time-zones";
import { NewCampaign } from "@/components/campaigns/new-campaign";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const { organization } = await requirePagePermission("campaigns.create");
  return <NewCampaign timeZones={supportedTimeZones()} organizationTimeZone={organization.timezone} />;
}
