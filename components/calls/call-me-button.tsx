"use client";

// "Call me in the browser": the agent calls this tab through the carrier simulator, and the call opens
// in a drawer (components/calls/browser-leg.tsx). Needs calls.create; the caller hides it otherwise.
import { useId, useState } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { Button } from "@/components/ui/button";
import { PhoneIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import { BrowserLegDialog } from "@/components/calls/browser-leg-dialog";
import { useBrowserCall } from "@/components/calls/hooks/use-browser-call";

export function CallMeButton({
  agentId,
  campaignId,
  agentName,
  disabledReason,
}: {
  agentId: string | null;
  campaignId?: string;
  agentName?: string | null;
  /** Why it cannot be used here (shown beside the disabled button), e.g. a campaign without an agent. */
  disabledReason?: string | null;
}) {
  const place = useBrowserCall();
  const [callId, setCallId] = useState<string | null>(null);
  const reasonId = useId();
  const reason = disabledReason ?? (agentId ? null : "Pick an agent first.");

  function call() {
    if (!agentId) return;
    place.mutate(
      { agent_id: agentId, ...(campaignId ? { campaign_id: campaignId } : {}) },
      {
        onSuccess: (placed) => setCallId(placed.call_id),
        onError: (error) => {
          // With Twilio configured there is no browser phone (RESOURCE_003, browser_calls_need_simulator): its message says so.
          const simulatorOnly = error instanceof ApiClientError && error.details.reason === "browser_calls_need_simulator";
          toast(simulatorOnly ? error.message : `The call could not be placed: ${errorMessage(error)}`, "error");
        },
      },
    );
  }

  return (
    <>
      <span className="inline-flex flex-col items-start gap-1">
        <Button variant="secondary" onClick={call} pending={place.isPending} disabled={Boolean(reason)} aria-describedby={reason ? reasonId : undefined}>
          <PhoneIcon className="size-4" />
          Call me in the browser
        </Button>
        {reason ? (
          <span id={reasonId} className="max-w-56 text-xs text-slate-500" data-testid="call-me-reason">
            {reason}
          </span>
        ) : null}
      </span>
      <BrowserLegDialog callId={callId} agentName={agentName} onClose={() => setCallId(null)} />
    </>
  );
}
