import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { LeadImportPage } from "@/components/campaigns/lead-import-page";

export const metadata: Metadata = { title: "Upload leads" };

export default async function ImportLeadsPage({ params }: { params: Promise<{ campaign_id: string }> }) {
  const { organization } = await requirePagePermission("leads.import");
  const { campaign_id } = await params;
  return <LeadImportPage campaignId={campaign_id} defaultCountry={organization.defaultCountry} />;
}
