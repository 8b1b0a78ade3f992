import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { CampaignAnalyticsIndex } from "@/components/analytics/campaign-analytics-index";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requirePagePermission("analytics.view");
  return (
    <>
      <PageHeader title="Analytics" description="How your campaigns and calls perform." />
      <div className="space-y-6">
        {/* Honest about what is missing without denying the data that exists (campaign calls). */}
        <Alert tone="info" title="Organization-wide analytics arrive with the calls work" data-testid="analytics-coming">
          Trends across all campaigns, outcomes and sentiment, and each agent&apos;s performance will appear here.
          Until then, every campaign&apos;s own analytics are one click away below.
        </Alert>
        <CampaignAnalyticsIndex />
      </div>
    </>
  );
}
