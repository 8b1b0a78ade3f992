"use client";

// A modal on the native <dialog>: the browser traps focus, makes the page inert and handles Escape.
// We add: state kept by the parent (`open`/`onClose`), focus on [data-autofocus], and focus returned
// to whatever opened it.
import { useEffect, useId, useRef } from "react";
import { cn } from "@/lib/client/cn";
import { CloseIcon } from "@/components/ui/icons";

export function Dialog({
  open,
  onClose,
  title,
  description,
  dismissible = true,
  placement = "center",
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** False while something must be acknowledged (e.g. a secret shown once): no Escape, backdrop or ×. */
  dismissible?: boolean;
  /** "side": a full-height panel on the right (a drawer), for details beside a list. */
  placement?: "center" | "side";
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const openRef = useRef(open);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    openRef.current = open;
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  function handleNativeClose() {
    const opener = openerRef.current;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    // The browser can close the dialog itself (repeated Escape); tell the parent.
    if (openRef.current) onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClose={handleNativeClose}
      onClick={(event) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (dismissible && event.target === event.currentTarget) onClose();
      }}
      className={cn(
        placement === "side"
          ? "my-0 mr-0 ml-auto h-dvh max-h-none w-full max-w-md overflow-visible border-l border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
          : "m-auto w-[calc(100%-2rem)] max-w-lg overflow-visible rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40",
        className,
      )}
    >
      {open ? (
        <div className={cn("overflow-y-auto p-5 sm:p-6", placement === "side" ? "h-full" : "max-h-[calc(100dvh-2rem)]")}>
          <div className="mb-4 flex items-start justify-between gap-4">
            <div className="space-y-1">
              <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="text-sm text-slate-600">
                  {description}
                </p>
              ) : null}
            </div>
            {dismissible ? (
              <button
                type="button"
                onClick={onClose}
                aria-label="Close dialog"
                className="-mt-1 -mr-2 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700"
              >
                <CloseIcon className="size-5" />
              </button>
            ) : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
