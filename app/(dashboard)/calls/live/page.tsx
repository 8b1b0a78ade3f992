import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { PhoneIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Live calls" };

export default async function LiveCallsPage() {
  await requirePagePermission("calls.view");
  return (
    <ComingSoon
      title="Live calls"
      summary="Calls the AI voice agent is making right now."
      icon={<PhoneIcon className="size-6" />}
      headline="Live calls arrive with the telephony release"
      description="No calls are placed from this workspace yet. Once telephony ships, this page will let you:"
      features={[
        "see every call in progress with its live transcript",
        "follow the caller's sentiment as the conversation goes",
        "open a finished call's recording, summary and outcome",
      ]}
    />
  );
}
