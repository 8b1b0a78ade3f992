"use client";

// "Hang up" on a call that is still on, after a confirmation. The provider ends the call; the detail's
// polling then shows it completed.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PhoneIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import { useHangUpCall } from "@/components/calls/hooks/use-hang-up-call";

export function HangUpButton({ callId }: { callId: string }) {
  const [open, setOpen] = useState(false);
  const hangUp = useHangUpCall(callId);

  function close() {
    setOpen(false);
    hangUp.reset();
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        <PhoneIcon className="size-4 rotate-[135deg]" />
        Hang up
      </Button>
      <ConfirmDialog
        open={open}
        title="Hang up this call?"
        description="The agent stops at once and the line is closed; the lead hears the call end."
        confirmLabel="Hang up"
        pending={hangUp.isPending}
        error={hangUp.error}
        errorTitle="The call was not hung up"
        errorTestId="hang-up-error"
        onClose={close}
        onConfirm={() =>
          hangUp.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              toast("Hanging up: the call ends in a moment.");
            },
          })
        }
      />
    </>
  );
}
