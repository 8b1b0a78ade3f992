import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { ChartIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requirePagePermission("analytics.view");
  return (
    <ComingSoon
      title="Analytics"
      summary="How your campaigns and calls perform."
      icon={<ChartIcon className="size-6" />}
      headline="Analytics arrive with the campaigns and telephony releases"
      description="There is nothing to measure until calls are made, so no numbers are shown. Analytics will cover:"
      features={[
        "calls made, answer and conversion rates over time",
        "outcomes and sentiment per campaign",
        "performance of each agent",
      ]}
    />
  );
}
