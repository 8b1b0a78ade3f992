"use client";

import { errorMessage } from "@/lib/client/api-client";
import { useDeleteVoice } from "@/components/voices/hooks/use-delete-voice";
import type { Voice } from "@/components/voices/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Confirms deleting an own clone; the API refuses (and says which campaigns) while one speaks with it. */
export function DeleteVoiceDialog({ voice, onClose, onDeleted }: { voice: Voice | null; onClose: () => void; onDeleted: (voice: Voice) => void }) {
  const remove = useDeleteVoice();
  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={voice !== null}
      onClose={close}
      title={voice ? `Delete “${voice.name}”?` : "Delete voice?"}
      description="The voice, its sample and the speech generated with it are deleted. This cannot be undone."
    >
      {voice ? (
        <div className="space-y-4">
          {remove.isError ? (
            <Alert tone="error" title="The voice was not deleted" data-testid="delete-voice-error">
              {errorMessage(remove.error)}
            </Alert>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={remove.isPending}>
              Keep it
            </Button>
            <Button
              data-autofocus
              variant="danger"
              pending={remove.isPending}
              onClick={() =>
                remove.mutate(voice.id, {
                  onSuccess: () => {
                    remove.reset();
                    onDeleted(voice);
                  },
                })
              }
            >
              Delete voice
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
