import type { CampaignStatus } from "@/lib/client/types";
import { Badge } from "@/components/ui/badge";
import { CAMPAIGN_STATUS_TONES } from "@/components/campaigns/campaign-labels";

/** The status word exactly as the API names it ("active", "paused"…), coloured per status. */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge tone={CAMPAIGN_STATUS_TONES[status]} data-testid="campaign-status">
      {status}
    </Badge>
  );
}
