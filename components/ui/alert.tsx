import { cn } from "@/lib/client/cn";
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from "@/components/ui/icons";

type Tone = "info" | "success" | "warning" | "error";

const TONES: Record<Tone, { box: string; icon: typeof InfoIcon }> = {
  info: { box: "border-brand-100 bg-brand-50 text-brand-700", icon: InfoIcon },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-800", icon: CheckIcon },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertIcon },
  error: { box: "border-red-200 bg-red-50 text-red-800", icon: AlertIcon },
};

/** An inline message. Errors are announced at once (role=alert), the rest politely (role=status). */
export function Alert({
  tone = "info",
  title,
  onDismiss,
  className,
  children,
  ...props
}: {
  tone?: Tone;
  title?: React.ReactNode;
  onDismiss?: () => void;
  className?: string;
  children?: React.ReactNode;
  "data-testid"?: string;
}) {
  const { box, icon: Icon } = TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", box, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="break-words">{children}</div> : null}
      </div>
      {onDismiss ? (
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          className="-my-1 -mr-2 rounded-md p-1 opacity-70 hover:bg-black/5 hover:opacity-100"
        >
          <CloseIcon className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
