// The campaign status machine. Completed and cancelled are terminal: those campaigns are read-only.
import type { CampaignStatus } from "@/lib/campaigns/schemas";

export const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["active", "cancelled"],
  active: ["paused", "completed", "cancelled"],
  paused: ["active", "completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export function allowedTransitions(from: CampaignStatus): readonly CampaignStatus[] {
  return TRANSITIONS[from];
}

export function isTerminal(status: CampaignStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** The outbox event a transition into `to` writes (resuming is "started" again); cancelling has none in the spec. */
export function transitionEvent(to: CampaignStatus): "campaign.started" | "campaign.paused" | "campaign.completed" | null {
  if (to === "active") return "campaign.started";
  if (to === "paused") return "campaign.paused";
  if (to === "completed") return "campaign.completed";
  return null;
}
