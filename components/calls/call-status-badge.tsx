import { cn } from "@/lib/client/cn";
import { Badge } from "@/components/ui/badge";
import { CALL_STATUS_LABELS, CALL_STATUS_TONES, isActiveStatus } from "@/components/calls/call-labels";
import type { CallStatus } from "@/components/calls/types";

/** The call's status in words; a call on the line gets a pulsing dot. */
export function CallStatusBadge({ status, className }: { status: CallStatus; className?: string }) {
  const label = CALL_STATUS_LABELS[status] ?? status;
  return (
    <Badge tone={CALL_STATUS_TONES[status] ?? "neutral"} className={cn("gap-1.5", className)} data-testid="call-status">
      {isActiveStatus(status) ? (
        <span className="relative flex size-1.5" aria-hidden="true">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-current opacity-60" />
          <span className="relative inline-flex size-1.5 rounded-full bg-current" />
        </span>
      ) : null}
      {label}
    </Badge>
  );
}
