import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ campaign_id: string }> }) {
  const { permissions } = await requirePagePermission("campaigns.view");
  const { campaign_id } = await params;
  return (
    <CampaignDetail
      campaignId={campaign_id}
      permissions={{
        canUpdate: permissions.has("campaigns.update"),
        canImport: permissions.has("leads.import"),
        canViewAnalytics: permissions.has("analytics.view"),
        canCall: permissions.has("calls.create"),
      }}
    />
  );
}
