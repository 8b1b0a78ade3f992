"use client";

// A dialog that asks before something that cannot be undone: what happens, an error if the attempt
// failed, "Keep it" and the danger button. Closing is refused while the attempt is in flight.
import type { ReactNode } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pending,
  error,
  errorTitle,
  errorTestId,
  notice,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  description?: string;
  confirmLabel: string;
  pending: boolean;
  /** The failed attempt's error, shown until the dialog closes or tries again. */
  error: unknown;
  errorTitle?: string;
  errorTestId?: string;
  /** Shown above the buttons while there is no error (e.g. why the attempt will be refused). */
  notice?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={() => !pending && onClose()} title={title} description={description}>
      <div className="space-y-4">
        {notice && !error ? notice : null}
        {error ? (
          <Alert tone="error" title={errorTitle} data-testid={errorTestId}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Keep it
          </Button>
          <Button data-autofocus variant="danger" pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
