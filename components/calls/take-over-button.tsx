"use client";

// "Take over": the call is transferred to you (POST /api/calls/{id}/transfer with your own user id). The
// agent stops, your tab rings, you hear a whisper summary and then talk with the lead in the browser leg.
import { errorMessage } from "@/lib/client/api-client";
import { useMe } from "@/lib/client/hooks/use-me";
import { Button } from "@/components/ui/button";
import { UserIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import { useTransferCall } from "@/components/calls/hooks/use-transfer-call";

export function TakeOverButton({ callId, disabledReason, onTakenOver }: { callId: string; disabledReason?: string | null; onTakenOver: (callId: string) => void }) {
  const me = useMe();
  const transfer = useTransferCall(callId);
  const reason = disabledReason ?? (me.isError ? "Your account could not be read: reload the page." : null);

  function takeOver() {
    if (!me.data) return;
    transfer.mutate(
      { to: me.data.user_id },
      {
        onSuccess: () => {
          toast("Taking over: you hear a short summary, then you're connected with the lead.");
          onTakenOver(callId);
        },
        // e.g. RESOURCE_003 "Only a call in progress can be transferred", or a transfer already under way.
        onError: (error) => toast(errorMessage(error), "error"),
      },
    );
  }

  return (
    <Button onClick={takeOver} pending={transfer.isPending} disabled={Boolean(reason) || !me.data} title={reason ?? "Replace the agent and talk with the lead yourself"}>
      <UserIcon className="size-4" />
      Take over
    </Button>
  );
}
