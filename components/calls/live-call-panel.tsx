"use client";

// The call picked in Live calls: its transcript growing as the detail is read every second (newest line
// kept in view unless you scroll up), how long it has been talking, the step the agent waits at, and
// what you can do: hang it up, or take it over.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { useDisplayFormat } from "@/lib/client/display-format";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { endedReasonText, isActiveStatus } from "@/components/calls/call-labels";
import { formatDuration } from "@/components/calls/call-format";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { callHref } from "@/components/calls/calls-list";
import { HangUpButton } from "@/components/calls/hang-up-button";
import { TakeOverButton } from "@/components/calls/take-over-button";
import { useCall } from "@/components/calls/hooks/use-call";
import { useNow } from "@/components/calls/hooks/use-now";
import { calleeLabel, liveDuration } from "@/components/calls/live-format";
import type { ActiveCall } from "@/components/calls/live-types";
import type { Call } from "@/components/calls/types";
import { ListeningItem } from "@/components/calls/call-conversation";

const FOLLOW_SLACK_PX = 48;

export function LiveCallPanel({
  callId,
  row,
  canUpdate,
  takenOver,
  onTakeOver,
  onClose,
}: {
  callId: string;
  /** The call's row in the live list (names, step), null once it has left the list. */
  row: ActiveCall | null;
  canUpdate: boolean;
  /** This tab has taken the call over (its browser leg is shown above). */
  takenOver: boolean;
  onTakeOver: (callId: string) => void;
  onClose: () => void;
}) {
  const fmt = useDisplayFormat();
  const call = useCall(callId);
  const data = call.data;
  const label = calleeLabel(row ?? { lead_name: data?.lead_name ?? null, phone_number: data?.phone_number ?? "" }, (p) => fmt.phone(p));
  const context = row ? [row.campaign_name, row.agent_name].filter(Boolean).join(" · ") : "";

  return (
    <section aria-labelledby="live-call-heading" data-testid="live-call-panel" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id="live-call-heading" className="truncate text-base font-semibold text-slate-900">
            {data || row ? label : "Loading the call…"}
          </h2>
          {context ? <p className="truncate text-sm text-slate-600">{context}</p> : null}
        </div>
        <button type="button" onClick={onClose} aria-label="Close the call panel" className="-mt-1 -mr-2 shrink-0 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700">
          <CloseIcon className="size-5" />
        </button>
      </div>

      {call.isPending ? (
        <div className="space-y-3 p-4" data-testid="live-call-loading">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-12 w-3/4" />
          <Skeleton className="ml-auto h-12 w-3/4" />
        </div>
      ) : !data ? (
        <Alert tone="error" title={call.error instanceof ApiClientError && call.error.code === "RESOURCE_001" ? "Call not found" : "The call could not be loaded"} className="m-4">
          {errorMessage(call.error)}
        </Alert>
      ) : (
        <PanelBody call={data} row={row} canUpdate={canUpdate} takenOver={takenOver} onTakeOver={onTakeOver} refreshError={call.isError ? call.error : null} />
      )}
    </section>
  );
}

function PanelBody({
  call,
  row,
  canUpdate,
  takenOver,
  onTakeOver,
  refreshError,
}: {
  call: Call;
  row: ActiveCall | null;
  canUpdate: boolean;
  takenOver: boolean;
  onTakeOver: (callId: string) => void;
  refreshError: unknown;
}) {
  const now = useNow();
  const live = isActiveStatus(call.status);
  const talking = now && live ? liveDuration(call, now) : null;
  const reason = endedReasonText(call.ended_reason);
  const step = live ? row?.current_step : null;

  return (
    <>
      <div className="space-y-3 border-b border-slate-200 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <CallStatusBadge status={call.status} />
          {talking ? (
            <span className="tabular-nums" data-testid="live-call-duration">
              <span className="sr-only">Talking for </span>
              {talking}
            </span>
          ) : !live && call.answered_at ? (
            <span className="tabular-nums">{formatDuration(call.duration)}</span>
          ) : null}
          {reason ? <span>{reason}</span> : null}
          {step ? (
            <span className="min-w-0 truncate">
              Step <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">{step}</code>
            </span>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {canUpdate && live ? (
            <>
              <HangUpButton callId={call.call_id} />
              {takenOver ? null : (
                <TakeOverButton
                  callId={call.call_id}
                  onTakenOver={onTakeOver}
                  disabledReason={call.status === "in_progress" ? null : "Only a call in progress can be taken over: wait for the answer."}
                />
              )}
            </>
          ) : null}
          <Link href={callHref(call.call_id)} className={buttonClasses({ variant: "secondary" })}>
            Call details
          </Link>
        </div>
        {refreshError ? (
          <p className="text-xs text-amber-800" role="status">
            Live updates paused: {errorMessage(refreshError)}
          </p>
        ) : null}
      </div>
      <LiveTranscript call={call} agentName={row?.agent_name ?? null} leadName={row?.lead_name ?? null} />
    </>
  );
}

function LiveTranscript({ call, agentName, leadName }: { call: Call; agentName: string | null; leadName: string | null }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const followRef = useRef(true);
  const live = isActiveStatus(call.status);
  const segments = call.transcript;

  useEffect(() => {
    const box = scrollRef.current;
    if (box && followRef.current) box.scrollTop = box.scrollHeight;
  }, [segments.length]);

  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        const box = event.currentTarget;
        followRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_SLACK_PX;
      }}
      className="max-h-[24rem] min-h-40 overflow-y-auto overscroll-contain bg-slate-50/60 px-4 py-3"
      data-testid="live-transcript"
      aria-label="Transcript"
      aria-live={live ? "polite" : undefined}
      aria-relevant={live ? "additions" : undefined}
    >
      {segments.length === 0 ? (
        <p className="flex items-center gap-2 py-6 text-sm text-slate-600">
          {live ? <Spinner className="text-brand-600" /> : null}
          {live ? (call.status === "in_progress" ? "Waiting for the first words…" : "The transcript starts when the call is answered.") : "Nothing was said on this call."}
        </p>
      ) : (
        <ol className="space-y-2">
          {segments.map((segment, index) => {
            const agent = segment.speaker === "agent";
            return (
              <li key={`${index}-${segment.start}`} className={cn("flex", agent ? "justify-start pr-6" : "justify-end pl-6")} data-testid="live-transcript-line" data-speaker={segment.speaker}>
                <div className={cn("min-w-0 rounded-lg border px-3 py-2", agent ? "border-brand-100 bg-brand-50/60" : "border-emerald-100 bg-emerald-50/60")}>
                  <p className="flex items-baseline justify-between gap-3 text-xs">
                    <span className={cn("font-semibold", agent ? "text-brand-700" : "text-emerald-700")}>{agent ? (agentName ?? "Agent") : (leadName ?? "Lead")}</span>
                    <span className="text-slate-500 tabular-nums">{formatDuration(segment.start)}</span>
                  </p>
                  <p className="mt-0.5 text-sm break-words whitespace-pre-line text-slate-800">{segment.text}</p>
                </div>
              </li>
            );
          })}
          {live ? <ListeningItem /> : null}
        </ol>
      )}
    </div>
  );
}
