import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { CampaignsList } from "@/components/campaigns/campaigns-list";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const { permissions } = await requirePagePermission("campaigns.view");
  return <CampaignsList canCreate={permissions.has("campaigns.create")} />;
}
