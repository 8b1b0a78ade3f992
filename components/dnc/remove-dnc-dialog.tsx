"use client";

import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useRemoveDncEntry } from "@/components/dnc/hooks/use-remove-dnc-entry";
import type { DncEntry } from "@/components/dnc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function RemoveDncDialog({
  entry,
  onClose,
  onRemoved,
}: {
  entry: DncEntry | null;
  onClose: () => void;
  onRemoved: (entry: DncEntry) => void;
}) {
  const remove = useRemoveDncEntry();
  const fmt = useDisplayFormat();
  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={entry !== null}
      onClose={close}
      title="Remove from the do-not-call list?"
      description={entry ? `Campaigns may call ${fmt.phone(entry.phone_number)} again.` : undefined}
    >
      {entry ? (
        <div className="space-y-4">
          {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={remove.isPending}>
              Keep it
            </Button>
            <Button
              data-autofocus
              variant="danger"
              pending={remove.isPending}
              onClick={() =>
                remove.mutate(entry.dnc_id, {
                  onSuccess: (removed) => {
                    remove.reset();
                    onRemoved(removed);
                  },
                })
              }
            >
              Remove number
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
