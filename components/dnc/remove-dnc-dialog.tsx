"use client";

import { useDisplayFormat } from "@/lib/client/display-format";
import { useRemoveDncEntry } from "@/components/dnc/hooks/use-remove-dnc-entry";
import type { DncEntry } from "@/components/dnc/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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
    <ConfirmDialog
      open={entry !== null}
      title="Remove from the do-not-call list?"
      description={entry ? `Campaigns may call ${fmt.phone(entry.phone_number)} again.` : undefined}
      confirmLabel="Remove number"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onClose={close}
      onConfirm={() => {
        if (!entry) return;
        remove.mutate(entry.dnc_id, {
          onSuccess: (removed) => {
            remove.reset();
            onRemoved(removed);
          },
        });
      }}
    />
  );
}
