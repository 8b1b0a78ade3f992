import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { MegaphoneIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  await requirePagePermission("campaigns.view");
  return (
    <ComingSoon
      title="Campaigns"
      summary="Outbound calling campaigns run by the AI voice agent."
      icon={<MegaphoneIcon className="size-6" />}
      headline="Campaigns arrive in the next release"
      description="Nothing to show yet: this workspace cannot run campaigns until the campaigns release ships. It will let you:"
      features={[
        "create campaigns with a script, a voice and calling windows",
        "import leads from CSV, with do-not-call numbers filtered out",
        "start, pause and follow each campaign's progress",
      ]}
    />
  );
}
