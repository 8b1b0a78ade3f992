"use client";

// "Call me in the browser" opens the call in a drawer. While the call is on, Escape and clicks outside
// do not close it (they would leave a call nobody answers): "Hang up" is the way out. Should the
// browser close it anyway (Chrome does on a repeated Escape), the leg is hung up rather than orphaned.
import { useCallback, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { BrowserLeg } from "@/components/calls/browser-leg";
import { useLegInput } from "@/components/calls/hooks/use-leg-input";

export function BrowserLegDialog({ callId, agentName, onClose }: { callId: string | null; agentName?: string | null; onClose: () => void }) {
  // Which call is over; a new call id starts not over.
  const [overFor, setOverFor] = useState<string | null>(null);
  const over = callId !== null && overFor === callId;
  const markOver = useCallback(() => setOverFor(callId), [callId]);
  const leave = useLegInput(callId ?? "");

  function close() {
    if (callId && !over) {
      leave.mutate({ hangup: true });
      toast("You left the call, so it was hung up.");
    }
    onClose();
  }

  return (
    <Dialog
      open={callId !== null}
      onClose={close}
      dismissible={over}
      placement="side"
      title="Call in your browser"
      description="Your tab is the phone: listen to the agent and answer by typing (or with the microphone)."
    >
      {callId ? <BrowserLeg key={callId} callId={callId} mode="call" agentName={agentName} onOver={markOver} onClose={close} /> : null}
    </Dialog>
  );
}
