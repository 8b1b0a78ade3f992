"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ApiClientError } from "@/lib/client/api-client";
import { allowedTransitions } from "@/lib/campaigns/transitions";
import { campaignKeys } from "@/components/campaigns/query-keys";
import { useUpdateCampaign } from "@/components/campaigns/hooks/use-update-campaign";
import type { Campaign, CampaignStatus } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Action = {
  to: CampaignStatus;
  label: string;
  /** "start" in "Could not start the campaign". */
  verb: string;
  title: string;
  description: string;
  done: string;
  variant: "primary" | "secondary" | "danger";
};

function actionFor(from: CampaignStatus, to: CampaignStatus): Action | null {
  switch (to) {
    case "active":
      return from === "paused"
        ? {
            to,
            label: "Resume campaign",
            verb: "resume",
            title: "Resume this campaign?",
            description: "Calling picks up again within the campaign's calling hours.",
            done: "The campaign is active again.",
            variant: "primary",
          }
        : {
            to,
            label: "Start campaign",
            verb: "start",
            title: "Start this campaign?",
            description: "The AI agent starts calling the campaign's leads within its calling hours.",
            done: "The campaign has started.",
            variant: "primary",
          };
    case "paused":
      return {
        to,
        label: "Pause campaign",
        verb: "pause",
        title: "Pause this campaign?",
        description: "No new calls are placed until you resume it. Calls already in progress finish normally.",
        done: "The campaign is paused.",
        variant: "secondary",
      };
    case "completed":
      return {
        to,
        label: "Complete campaign",
        verb: "complete",
        title: "Complete this campaign?",
        description: "Calling stops for good and the campaign becomes read-only. This cannot be undone.",
        done: "The campaign is completed.",
        variant: "secondary",
      };
    case "cancelled":
      return {
        to,
        label: "Cancel campaign",
        verb: "cancel",
        title: "Cancel this campaign?",
        description: "Calling stops for good and the campaign becomes read-only. This cannot be undone.",
        done: "The campaign was cancelled.",
        variant: "danger",
      };
    default:
      return null;
  }
}

/** The status changes the current status allows, each behind a confirmation dialog. */
export function CampaignStatusActions({
  campaign,
  onDone,
  onError,
}: {
  campaign: Campaign;
  onDone: (message: string) => void;
  onError: (title: string, error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const updateCampaign = useUpdateCampaign(campaign.campaign_id);
  const [pending, setPending] = useState<Action | null>(null);
  const actions = allowedTransitions(campaign.status)
    .map((to) => actionFor(campaign.status, to))
    .filter((action): action is Action => action !== null);

  if (actions.length === 0) return null;

  function confirm(action: Action) {
    updateCampaign.mutate(
      { status: action.to },
      {
        onSuccess: () => {
          setPending(null);
          onDone(action.done);
        },
        onError: (error) => {
          setPending(null);
          onError(`Could not ${action.verb} the campaign`, error);
          // Refused because the status changed elsewhere: show the current one.
          if (error instanceof ApiClientError && error.code === "RESOURCE_003") {
            void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaign.campaign_id) });
          }
        },
      },
    );
  }

  return (
    <>
      {actions.map((action) => (
        // Only the forward action is prominent; the dialog's Confirm carries the danger colour.
        <Button key={action.to} variant={action.variant === "primary" ? "primary" : "secondary"} onClick={() => setPending(action)}>
          {action.label}
        </Button>
      ))}
      <Dialog
        open={pending !== null}
        onClose={() => {
          if (!updateCampaign.isPending) setPending(null);
        }}
        title={pending?.title ?? ""}
        description={pending?.description}
      >
        {pending ? (
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setPending(null)} disabled={updateCampaign.isPending}>
              Go back
            </Button>
            <Button
              data-autofocus
              variant={pending.variant === "danger" ? "danger" : "primary"}
              pending={updateCampaign.isPending}
              onClick={() => confirm(pending)}
            >
              Confirm
            </Button>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
