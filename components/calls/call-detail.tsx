"use client";

// One call: who, how it went and what it cost, the recording beside its transcript, the analysis, the
// outcome form and the status timeline. While the call is on, the detail is read every second, so
// the transcript grows live and "Hang up" is offered.
import Link from "next/link";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PhoneIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { endedReasonText, humanize, isActiveStatus } from "@/components/calls/call-labels";
import { callFiltersSearch } from "@/components/calls/call-filters";
import { formatDuration } from "@/components/calls/call-format";
import { formatCallee } from "@/components/calls/live-format";
import { CallAnalysisCard } from "@/components/calls/call-analysis-card";
import { CallConversation } from "@/components/calls/call-conversation";
import { CallCostCard } from "@/components/calls/call-cost-card";
import { CallDispositionCard } from "@/components/calls/call-disposition-form";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { CallTimeline } from "@/components/calls/call-timeline";
import { HangUpButton } from "@/components/calls/hang-up-button";
import { useCall } from "@/components/calls/hooks/use-call";
import type { Call } from "@/components/calls/types";

export function CallDetail({ callId, canUpdate }: { callId: string; canUpdate: boolean }) {
  const call = useCall(callId);
  if (call.isPending) return <CallDetailSkeleton />;
  if (!call.data) {
    // Another organization's call is "not found" too (RESOURCE_001), never "forbidden".
    if (call.error instanceof ApiClientError && call.error.code === "RESOURCE_001") return <CallNotFound />;
    return (
      <Alert tone="error" title="The call could not be loaded" data-testid="call-error">
        <p>{errorMessage(call.error)}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => call.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <CallDetailView call={call.data} fetchedAt={call.dataUpdatedAt} canUpdate={canUpdate} refreshError={call.isError ? call.error : null} />;
}

function CallNotFound() {
  return (
    <EmptyState
      icon={<PhoneIcon className="size-6" />}
      title="Call not found"
      description="It may belong to another organization, or the link is wrong."
      action={
        <Link href="/calls" className={buttonClasses({ variant: "secondary" })}>
          All calls
        </Link>
      }
    />
  );
}

/** Seconds connected; while the call is on, counted from the answer to when this copy was read (each poll). */
function shownDuration(call: Call, fetchedAt: number): number {
  if (!isActiveStatus(call.status) || !call.answered_at) return call.duration;
  const answered = Date.parse(call.answered_at);
  return Number.isFinite(answered) ? Math.max(call.duration, Math.floor((fetchedAt - answered) / 1000)) : call.duration;
}

function answeredByText(value: string | null): string | null {
  if (!value) return null;
  if (value === "human") return "A person";
  if (value.startsWith("machine")) return "An answering machine";
  if (value === "fax") return "A fax machine";
  return humanize(value);
}

function CallDetailView({ call, fetchedAt, canUpdate, refreshError }: { call: Call; fetchedAt: number; canUpdate: boolean; refreshError: unknown }) {
  const fmt = useDisplayFormat();
  const names = { lead: call.lead_name?.trim() || null, campaign: call.campaign_name, agent: call.agent_name };
  // A call to a browser tab ("Call me in the browser") has the tab's identity for a number.
  const phone = formatCallee(call.phone_number, fmt.phone);
  const title = names.lead ?? phone;
  const reason = endedReasonText(call.ended_reason);
  const active = isActiveStatus(call.status);

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs items={[{ href: "/calls", label: "Calls" }, { label: title }]} />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-2">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{title}</h1>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
              <CallStatusBadge status={call.status} />
              {reason ? <span data-testid="call-ended-reason">{reason}</span> : null}
            </div>
            <p className="text-sm text-slate-600">
              {humanize(call.direction)} call, started {fmt.dateTime(call.started_at)}
            </p>
          </div>
          {canUpdate && active ? (
            <div className="flex shrink-0 gap-2">
              <HangUpButton callId={call.call_id} />
            </div>
          ) : null}
        </div>
      </div>

      {refreshError ? (
        <Alert tone="warning" title={active ? "Live updates paused" : "Could not refresh the call"}>
          {errorMessage(refreshError)} Showing what was last loaded.
        </Alert>
      ) : null}

      <Card>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-4 text-sm md:grid-cols-4" data-testid="call-facts">
          <Fact label="Phone number">
            <span className="block truncate tabular-nums" title={call.phone_number}>
              {phone}
            </span>
          </Fact>
          <Fact label="Duration">
            <span className="tabular-nums" data-testid="call-duration">
              {call.answered_at ? formatDuration(shownDuration(call, fetchedAt)) : active ? "Not answered yet" : "Not answered"}
            </span>
          </Fact>
          <Fact label="Lead">
            {call.lead_id ? (
              <>
                <span className="block truncate">{names.lead ?? "Unnamed lead"}</span>
                <Link href={`/calls${callFiltersSearch({ lead_id: call.lead_id })}`} className="text-xs font-medium text-brand-700 hover:underline">
                  All calls with this lead
                </Link>
              </>
            ) : (
              <span className="text-slate-400">No lead</span>
            )}
          </Fact>
          <Fact label="Campaign">
            {call.campaign_id ? (
              <Link href={`/campaigns/${encodeURIComponent(call.campaign_id)}`} className="block truncate font-medium text-brand-700 hover:underline">
                {names.campaign ?? "Open the campaign"}
              </Link>
            ) : (
              <span className="text-slate-400">No campaign</span>
            )}
          </Fact>
          <Fact label="Agent">
            {call.agent_id ? (
              <Link href={`/agents/${encodeURIComponent(call.agent_id)}`} className="block truncate font-medium text-brand-700 hover:underline">
                {names.agent ?? "Open the agent"}
              </Link>
            ) : (
              <span className="text-slate-400">No agent</span>
            )}
          </Fact>
          <Fact label="Answered by">{answeredByText(call.answered_by) ?? <span className="text-slate-400">{call.answered_at ? "Unknown" : "No one"}</span>}</Fact>
          <Fact label="Called from">
            <span className="tabular-nums">{call.from_number ? fmt.phone(call.from_number) : <span className="text-slate-400">—</span>}</span>
          </Fact>
          <Fact label="Provider call id">
            <span className="block truncate font-mono text-xs" title={call.twilio_call_sid ?? undefined}>
              {call.twilio_call_sid ?? <span className="font-sans text-sm text-slate-400">—</span>}
            </span>
          </Fact>
        </dl>
      </Card>

      <CallConversation call={call} fetchedAt={fetchedAt} />

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <CallAnalysisCard call={call} />
        <CallDispositionCard call={call} canUpdate={canUpdate} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <CallCostCard call={call} />
        <CallTimeline call={call} />
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

function CallDetailSkeleton() {
  return (
    <div className="space-y-6" data-testid="call-loading">
      <span className="sr-only" role="status">
        Loading the call…
      </span>
      <div className="space-y-3">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-5 w-80 max-w-full" />
      </div>
      <Card>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="space-y-1.5">
              <Skeleton className="h-3 w-20" />
              <Skeleton className="h-4 w-28 max-w-full" />
            </div>
          ))}
        </div>
      </Card>
      <Card className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Skeleton className="h-14 w-full" />
        <div className="space-y-3">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className={i % 2 ? "ml-auto h-12 w-3/4" : "h-12 w-3/4"} />
          ))}
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-48 w-full rounded-xl" />
        <Skeleton className="h-48 w-full rounded-xl" />
      </div>
    </div>
  );
}
