"use client";

// Calls in flight, read every second: counts on top, then a table (cards on a phone, or beside the
// panel when the list is narrow) with who, where in the flow and the last thing said, durations ticking
// in the browser. Picking a call opens its panel (beside the list on wide screens, below it otherwise,
// kept in the URL as ?call=): its transcript growing live, "Hang up" and "Take over". Taking over makes
// this tab the person on the call (the browser leg, above the panel).
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { useDisplayFormat } from "@/lib/client/display-format";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveIcon } from "@/components/ui/icons";
import { Kpi } from "@/components/ui/kpi";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { BrowserLeg } from "@/components/calls/browser-leg";
import { formatDuration } from "@/components/calls/call-format";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { LiveCallPanel } from "@/components/calls/live-call-panel";
import { useActiveCalls } from "@/components/calls/hooks/use-active-calls";
import { useNow } from "@/components/calls/hooks/use-now";
import { calleeLabel, liveCounts, liveDuration } from "@/components/calls/live-format";
import type { ActiveCall } from "@/components/calls/live-types";

export function LiveCalls({ canUpdate, canPlaceCalls }: { canUpdate: boolean; canPlaceCalls: boolean }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const selected = searchParams.get("call");
  const active = useActiveCalls();
  const [takeover, setTakeover] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // The row last seen for the picked call: its names stay in the panel after it leaves the list.
  const [lastRow, setLastRow] = useState<ActiveCall | null>(null);
  const rows = active.data?.active_calls ?? [];
  const row = rows.find((c) => c.call_id === selected) ?? (lastRow?.call_id === selected ? lastRow : null);
  if (row && row !== lastRow && rows.includes(row)) setLastRow(row);

  function select(callId: string | null) {
    // The native history API keeps Next's router (and useSearchParams) in step without a server round trip.
    const params = new URLSearchParams(searchParams);
    if (callId) params.set("call", callId);
    else params.delete("call");
    const search = params.toString();
    window.history.replaceState(null, "", `${pathname}${search ? `?${search}` : ""}`);
  }

  const side = selected !== null || takeover !== null;

  // Below the wide layout the panel is under the list: bring it into view when a call is picked.
  useEffect(() => {
    if (!selected || window.matchMedia("(min-width: 80rem)").matches) return;
    panelRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [selected]);

  return (
    <>
      <PageHeader
        title="Live calls"
        description="Calls your agents are on right now, updated every second. Pick one to follow its transcript, hang it up or take it over."
        actions={
          <Link href="/calls" className={buttonClasses({ variant: "secondary" })}>
            All calls
          </Link>
        }
      />

      {active.isPending ? (
        <LiveSkeleton />
      ) : active.isError && !active.data ? (
        <Alert tone="error" title="Live calls could not be loaded" data-testid="live-error">
          <p>{errorMessage(active.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => active.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <div className="space-y-6">
          {active.isError ? (
            <Alert tone="warning" title="Live updates paused" data-testid="live-stale">
              {errorMessage(active.error)} Showing what was last loaded; trying again every second.
            </Alert>
          ) : null}
          <Summary calls={rows} averageDuration={active.data?.summary.average_duration ?? 0} />

          <div className={cn("grid items-start gap-6", side && "xl:grid-cols-[minmax(0,1fr)_24rem]")}>
            <div className="@container min-w-0">
              {rows.length === 0 ? (
                <EmptyState
                  icon={<LiveIcon className="size-6" />}
                  title="No calls in progress"
                  description={
                    <>
                      Calls show up here the moment an agent dials.{" "}
                      {canPlaceCalls ? (
                        <>Start one from an agent&apos;s page with &ldquo;Call me in the browser&rdquo;, or</>
                      ) : (
                        <>Campaigns place them, or integrations</>
                      )}{" "}
                      through the API with <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">POST /api/calls</code>.
                    </>
                  }
                  action={
                    canPlaceCalls ? (
                      <Link href="/agents" className={buttonClasses({ variant: "secondary" })}>
                        Go to agents
                      </Link>
                    ) : null
                  }
                />
              ) : (
                <>
                  <LiveTable calls={rows} selected={selected} onSelect={select} />
                  <LiveCards calls={rows} selected={selected} onSelect={select} />
                </>
              )}
            </div>

            {side ? (
              <div ref={panelRef} className="min-w-0 scroll-mt-20 space-y-4 xl:sticky xl:top-20">
                {takeover ? (
                  <BrowserLeg key={takeover} callId={takeover} mode="takeover" agentName={null} onClose={() => setTakeover(null)} />
                ) : null}
                {selected ? (
                  <LiveCallPanel
                    key={selected}
                    callId={selected}
                    row={row}
                    canUpdate={canUpdate}
                    takenOver={takeover === selected}
                    onTakeOver={(callId) => setTakeover(callId)}
                    onClose={() => select(null)}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
        </div>
      )}
    </>
  );
}

function Summary({ calls, averageDuration }: { calls: readonly ActiveCall[]; averageDuration: number }) {
  const { talking, connecting } = liveCounts(calls);
  return (
    // On a phone three tiles side by side: smaller labels, so "Avg. duration" stays on one line.
    <dl className="grid grid-cols-3 gap-2 sm:gap-4 [&_dt]:text-xs sm:[&_dt]:text-sm" data-testid="live-summary">
      <Kpi label="On calls" value={String(calls.length)} testId="live-total" className="p-3 sm:p-4">
        <span className="hidden sm:inline">{connecting ? `${connecting} dialing or ringing` : calls.length ? "All answered" : "None right now"}</span>
      </Kpi>
      <Kpi label="Talking" value={String(talking)} testId="live-talking" className="p-3 sm:p-4">
        <span className="hidden sm:inline">Answered and in progress</span>
      </Kpi>
      <Kpi label="Avg. duration" value={talking ? formatDuration(averageDuration) : "—"} testId="live-average" className="p-3 sm:p-4">
        <span className="hidden sm:inline">Of the calls talking</span>
      </Kpi>
    </dl>
  );
}

function Duration({ call }: { call: ActiveCall }) {
  const now = useNow();
  const text = now ? liveDuration(call, now) : null;
  return text ? <span data-testid="live-duration">{text}</span> : <span className="text-slate-400">—</span>;
}

function LastSaid({ said }: { said: ActiveCall["last_said"] }) {
  if (!said) return <span className="text-slate-400">—</span>;
  return (
    <>
      <span className={cn("font-medium", said.speaker === "agent" ? "text-brand-700" : "text-emerald-700")}>{said.speaker === "agent" ? "Agent" : "Lead"}: </span>
      <span className="text-slate-700">{said.text}</span>
    </>
  );
}

/** The table, from a list 32rem wide; columns fold into the lead's cell as the list narrows. */
function LiveTable({ calls, selected, onSelect }: { calls: readonly ActiveCall[]; selected: string | null; onSelect: (callId: string) => void }) {
  const fmt = useDisplayFormat();
  return (
    <Table label="Calls in progress" className="hidden @lg:block">
      <THead>
        <tr>
          <Th>Lead</Th>
          <Th className="hidden @4xl:table-cell">Campaign</Th>
          <Th className="hidden @4xl:table-cell">Agent</Th>
          <Th>Status</Th>
          <Th className="text-right">Duration</Th>
          <Th className="hidden @2xl:table-cell">Step</Th>
          <Th>Last said</Th>
        </tr>
      </THead>
      <TBody>
        {calls.map((call) => {
          const picked = call.call_id === selected;
          return (
            <tr
              key={call.call_id}
              data-testid="live-call-row"
              data-call-id={call.call_id}
              data-selected={picked || undefined}
              // The whole row picks the call for mouse users; the lead's button is the keyboard way in.
              onClick={(event) => {
                if (event.target instanceof Element && event.target.closest("button, a")) return;
                onSelect(call.call_id);
              }}
              className={cn("cursor-pointer", picked ? "bg-brand-50" : "hover:bg-slate-50")}
            >
              <Td className="max-w-48 @4xl:max-w-56">
                <button
                  type="button"
                  onClick={() => onSelect(call.call_id)}
                  aria-pressed={picked}
                  className="block max-w-full truncate text-left font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {calleeLabel(call, (p) => fmt.phone(p))}
                </button>
                {call.lead_name?.trim() ? <p className="truncate text-slate-500 tabular-nums">{fmt.phone(call.phone_number)}</p> : null}
                <p className="truncate text-xs text-slate-500 @4xl:hidden">{[call.campaign_name, call.agent_name].filter(Boolean).join(" · ")}</p>
              </Td>
              <Td className="hidden max-w-44 truncate @4xl:table-cell">{call.campaign_name ?? <span className="text-slate-400">—</span>}</Td>
              <Td className="hidden max-w-36 truncate @4xl:table-cell">{call.agent_name ?? <span className="text-slate-400">—</span>}</Td>
              <Td>
                <CallStatusBadge status={call.status} />
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                <Duration call={call} />
              </Td>
              <Td className="hidden max-w-36 @2xl:table-cell">
                {call.current_step ? <code className="block truncate rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">{call.current_step}</code> : <span className="text-slate-400">—</span>}
              </Td>
              <Td className="min-w-48 @4xl:max-w-72" data-testid="live-last-said">
                <p className="line-clamp-2 text-sm">
                  <LastSaid said={call.last_said} />
                </p>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/** A narrow list (a phone, or beside the panel): one card per call, the card a button that picks it. */
function LiveCards({ calls, selected, onSelect }: { calls: readonly ActiveCall[]; selected: string | null; onSelect: (callId: string) => void }) {
  const fmt = useDisplayFormat();
  return (
    <ul className="space-y-3 @lg:hidden" aria-label="Calls in progress">
      {calls.map((call) => {
        const picked = call.call_id === selected;
        const context = [call.campaign_name, call.agent_name].filter(Boolean).join(" · ");
        return (
          <li key={call.call_id} data-testid="live-call-card" data-call-id={call.call_id}>
            <button
              type="button"
              onClick={() => onSelect(call.call_id)}
              aria-pressed={picked}
              className={cn(
                "block w-full rounded-xl border bg-white p-4 text-left shadow-sm transition-colors",
                picked ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200 hover:bg-slate-50",
              )}
            >
              <span className="flex items-start justify-between gap-3">
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{calleeLabel(call, (p) => fmt.phone(p))}</span>
                  {context ? <span className="block truncate text-sm text-slate-600">{context}</span> : null}
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1">
                  <CallStatusBadge status={call.status} />
                  <span className="text-sm text-slate-700 tabular-nums">
                    <Duration call={call} />
                  </span>
                </span>
              </span>
              {call.last_said ? (
                <span className="mt-2 line-clamp-2 block text-sm">
                  <LastSaid said={call.last_said} />
                </span>
              ) : null}
              {call.current_step ? (
                <span className="mt-2 block text-xs text-slate-500">
                  Step <code className="rounded bg-slate-100 px-1 py-0.5 text-slate-800">{call.current_step}</code>
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function LiveSkeleton() {
  return (
    <div className="space-y-6" data-testid="live-loading">
      <div className="grid grid-cols-3 gap-3 sm:gap-4">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-20 w-full rounded-xl sm:h-24" />
        ))}
      </div>
      <ListSkeleton label="Loading live calls…" testId="live-calls-loading" rows={3}>
        <div className="flex-1 space-y-2">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-3 w-28" />
        </div>
        <Skeleton className="h-6 w-20" />
        <Skeleton className="h-4 w-12" />
        <Skeleton className="hidden h-4 w-48 md:block" />
      </ListSkeleton>
    </div>
  );
}
