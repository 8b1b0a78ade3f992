"use client";

// Every call of the organization, newest first, with filters kept in the URL. A table from the small
// breakpoint up, cards on a phone; "Load more" walks the list by cursor, so deep pages stay cheap.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { formatNumber } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PhoneIcon } from "@/components/ui/icons";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { dispositionLabel, dispositionTone, endedReasonText } from "@/components/calls/call-labels";
import { callFiltersSearch, dateRangeError, hasFilters, parseCallFilters } from "@/components/calls/call-filters";
import { formatDuration, formatQuality } from "@/components/calls/call-format";
import { formatCallee } from "@/components/calls/live-format";
import { CallFilterBar } from "@/components/calls/call-list-filters";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { useCalls } from "@/components/calls/hooks/use-calls";
import type { CallListFilters, CallSummary, CallsPagination } from "@/components/calls/types";

const PAGE_SIZE = 25;

export function callHref(callId: string): string {
  return `/calls/${encodeURIComponent(callId)}`;
}

export function CallsList({ canPlaceCalls }: { canPlaceCalls: boolean }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseCallFilters(searchParams), [searchParams]);
  const rangeError = dateRangeError(filters);
  const calls = useCalls(filters, { limit: PAGE_SIZE, enabled: rangeError === null });
  const filtered = hasFilters(filters);

  function setFilters(next: CallListFilters) {
    // The native history API keeps Next's router (and useSearchParams) in step without a server round trip.
    window.history.replaceState(null, "", `${pathname}${callFiltersSearch(next)}`);
  }

  const rows = calls.data?.pages.flatMap((page) => page.data) ?? [];
  const pagination = calls.data?.pages.at(-1)?.pagination;

  return (
    <>
      <PageHeader
        title="Calls"
        description="Every call your agents have placed: how it went, its recording and transcript, and what it cost."
        actions={
          <Link href="/calls/live" className={buttonClasses({ variant: "secondary" })}>
            Live calls
          </Link>
        }
      />

      <CallFilterBar filters={filters} onChange={setFilters} />

      {rangeError ? (
        <Alert tone="warning" title="No calls in this range" data-testid="calls-range-error">
          {rangeError} Pick an end date on or after the start date.
        </Alert>
      ) : calls.isPending ? (
        <CallsSkeleton />
      ) : calls.isError && rows.length === 0 ? (
        <Alert tone="error" title="Calls could not be loaded" data-testid="calls-error">
          <p>{errorMessage(calls.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => calls.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<PhoneIcon className="size-6" />}
          title={filtered ? "No calls match these filters" : "No calls yet"}
          description={
            filtered ? (
              "Try another status, disposition, campaign, agent or dates."
            ) : (
              <>
                Calls appear here as your campaigns and agents place them. Place one from an agent&apos;s page, or through the API with{" "}
                <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">POST /api/calls</code>.
              </>
            )
          }
          action={
            filtered ? (
              <Button variant="secondary" onClick={() => setFilters({})}>
                Clear filters
              </Button>
            ) : canPlaceCalls ? (
              <Link href="/agents" className={buttonClasses({ variant: "secondary" })}>
                Go to agents
              </Link>
            ) : null
          }
        />
      ) : (
        <div aria-busy={calls.isFetching || undefined} className={calls.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <CallsTable calls={rows} />
          <CallCards calls={rows} />
          <div className="flex flex-col items-center gap-3 pt-4 text-sm text-slate-600 sm:flex-row sm:justify-between">
            <p data-testid="calls-count" aria-live="polite">
              {pagination ? <CountText shown={rows.length} pagination={pagination} /> : null}
            </p>
            {calls.hasNextPage ? (
              <Button variant="secondary" size="sm" pending={calls.isFetchingNextPage} disabled={calls.isPlaceholderData} onClick={() => calls.fetchNextPage()}>
                Load more calls
              </Button>
            ) : null}
          </div>
          {calls.isFetchNextPageError ? (
            <Alert tone="error" title="More calls could not be loaded" className="mt-3">
              {errorMessage(calls.error)}
            </Alert>
          ) : null}
        </div>
      )}
    </>
  );
}

function CountText({ shown, pagination }: { shown: number; pagination: CallsPagination }) {
  const total = `${formatNumber(pagination.total)}${pagination.total_capped ? "+" : ""}`;
  return (
    <>
      Showing <span className="font-medium text-slate-900">{formatNumber(shown)}</span> of{" "}
      <span className="font-medium text-slate-900">{total}</span> {pagination.total === 1 && !pagination.total_capped ? "call" : "calls"}
    </>
  );
}

function leadLabel(call: CallSummary, phone: string): string {
  return call.lead_name?.trim() || phone;
}

function CallsTable({ calls }: { calls: CallSummary[] }) {
  const fmt = useDisplayFormat();
  const router = useRouter();
  return (
    <Table label="Calls" className="hidden sm:block">
      <THead>
        <tr>
          <Th>Started</Th>
          <Th>Lead</Th>
          <Th className="hidden xl:table-cell">Campaign · Agent</Th>
          <Th>Status</Th>
          <Th className="hidden md:table-cell">Disposition</Th>
          <Th className="text-right">Duration</Th>
          <Th className="hidden text-right xl:table-cell">Quality</Th>
        </tr>
      </THead>
      <TBody>
        {calls.map((call) => {
          const phone = formatCallee(call.phone_number, fmt.phone);
          const reason = endedReasonText(call.ended_reason);
          const disposition = dispositionLabel(call.disposition);
          return (
            <tr
              key={call.call_id}
              data-testid="call-row"
              // The whole row opens the call for mouse users; the lead's link is the keyboard way in.
              onClick={(event) => {
                if (event.target instanceof Element && event.target.closest("a")) return;
                router.push(callHref(call.call_id));
              }}
              className="cursor-pointer hover:bg-slate-50"
            >
              <Td className="whitespace-nowrap">
                <span className="block text-slate-900">{fmt.date(call.started_at)}</span>
                <span className="block text-xs text-slate-500">{fmt.time(call.started_at)}</span>
              </Td>
              <Td className="max-w-44 lg:max-w-52">
                <Link href={callHref(call.call_id)} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {leadLabel(call, phone)}
                </Link>
                {call.lead_name?.trim() ? <p className="truncate text-slate-500 tabular-nums">{phone}</p> : null}
                {/* Below xl the campaign, agent and quality fold in here. */}
                <p className="truncate text-xs text-slate-500 xl:hidden">
                  {[call.campaign_name, call.agent_name, call.analysis.quality_score !== null ? `Quality ${formatQuality(call.analysis.quality_score)}` : null]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </Td>
              <Td className="hidden max-w-48 xl:table-cell">
                <span className="block truncate">{call.campaign_name ?? <span className="text-slate-400">No campaign</span>}</span>
                <span className="block truncate text-xs text-slate-500">{call.agent_name ?? "—"}</span>
              </Td>
              <Td className="min-w-28">
                <CallStatusBadge status={call.status} />
                {reason ? <p className="mt-1 max-w-40 text-xs text-slate-500">{reason}</p> : null}
              </Td>
              <Td className="hidden md:table-cell">
                {disposition && call.disposition ? <Badge tone={dispositionTone(call.disposition)}>{disposition}</Badge> : <span className="text-slate-400">—</span>}
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{call.answered_at ? formatDuration(call.duration) : <span className="text-slate-400">—</span>}</Td>
              <Td className="hidden text-right tabular-nums xl:table-cell">{formatQuality(call.analysis.quality_score)}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

/** Phones: one card per call, the whole card a link. */
function CallCards({ calls }: { calls: CallSummary[] }) {
  const fmt = useDisplayFormat();
  return (
    <ul className="space-y-3 sm:hidden" aria-label="Calls">
      {calls.map((call) => {
        const phone = formatCallee(call.phone_number, fmt.phone);
        const reason = endedReasonText(call.ended_reason);
        const disposition = dispositionLabel(call.disposition);
        const context = [call.campaign_name, call.agent_name].filter(Boolean).join(" · ");
        return (
          <li key={call.call_id} data-testid="call-card">
            <Link
              href={callHref(call.call_id)}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-200 hover:bg-slate-50"
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{leadLabel(call, phone)}</p>
                  {call.lead_name?.trim() ? <p className="truncate text-sm text-slate-500 tabular-nums">{phone}</p> : null}
                </div>
                <CallStatusBadge status={call.status} className="shrink-0" />
              </div>
              <p className="mt-1 text-sm text-slate-600">{fmt.dateTime(call.started_at)}</p>
              {context ? <p className="truncate text-sm text-slate-600">{context}</p> : null}
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-600">
                {disposition && call.disposition ? <Badge tone={dispositionTone(call.disposition)}>{disposition}</Badge> : null}
                {reason ? <span>{reason}</span> : null}
                {call.answered_at ? <span className="tabular-nums">Duration {formatDuration(call.duration)}</span> : null}
                {call.analysis.quality_score !== null ? <span className="tabular-nums">Quality {formatQuality(call.analysis.quality_score)}</span> : null}
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function CallsSkeleton() {
  return (
    <ListSkeleton label="Loading calls…" testId="calls-loading">
      <Skeleton className="hidden h-4 w-36 sm:block" />
      <div className="flex-1 space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-3 w-28" />
      </div>
      <Skeleton className="h-6 w-20" />
      <Skeleton className="hidden h-6 w-20 md:block" />
      <Skeleton className="h-4 w-12" />
    </ListSkeleton>
  );
}
