"use client";

import { useDeleteVoice } from "@/components/voices/hooks/use-delete-voice";
import type { Voice } from "@/components/voices/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Confirms deleting an own clone; the API refuses (and says which campaigns) while one speaks with it. */
export function DeleteVoiceDialog({ voice, onClose, onDeleted }: { voice: Voice | null; onClose: () => void; onDeleted: (voice: Voice) => void }) {
  const remove = useDeleteVoice();
  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={voice !== null}
      title={voice ? `Delete “${voice.name}”?` : "Delete voice?"}
      description="The voice, its sample and the speech generated with it are deleted. This cannot be undone."
      confirmLabel="Delete voice"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      errorTitle="The voice was not deleted"
      errorTestId="delete-voice-error"
      onClose={close}
      onConfirm={() => {
        if (!voice) return;
        remove.mutate(voice.id, {
          onSuccess: () => {
            remove.reset();
            onDeleted(voice);
          },
        });
      }}
    />
  );
}
