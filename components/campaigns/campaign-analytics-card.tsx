"use client";

import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { bucketFormatter, formatCurrency, formatNumber, formatPercent, timeZoneAbbreviation } from "@/lib/client/format";
import { useDisplayFormat } from "@/lib/client/display-format";
import {
  daysInRange,
  effectiveGranularity,
  GRANULARITY_ORDER,
  isGranularityAllowed,
  MAX_RANGE_DAYS,
} from "@/lib/client/analytics-granularity";
import { useCampaignAnalytics } from "@/components/campaigns/hooks/use-campaign-analytics";
import type { AnalyticsGranularity, CampaignAnalytics } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import { ChartIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";

const DEFAULT_DAYS = 30;
const GRANULARITY_LABELS: Record<AnalyticsGranularity, string> = { hour: "Hourly", day: "Daily", week: "Weekly" };

/** Today's date (YYYY-MM-DD) in a zone, shifted by whole days. */
function isoDateIn(timeZone: string, offsetDays = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const shifted = new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** The last 30 days, today included, in the viewer's calendar (the API's own default window). */
function defaultRange(timeZone: string): { from: string; to: string } {
  return { from: isoDateIn(timeZone, -(DEFAULT_DAYS - 1)), to: isoDateIn(timeZone) };
}

export function CampaignAnalyticsCard({ campaignId }: { campaignId: string }) {
  const fmt = useDisplayFormat();
  // null until the user picks one: the granularity then follows the range (see analytics-granularity).
  const [chosen, setChosen] = useState<AnalyticsGranularity | null>(null);
  const [range, setRange] = useState(() => defaultRange(fmt.timeZone));
  const days = daysInRange(range.from, range.to);
  const granularity = effectiveGranularity(chosen, days);
  const rangeError =
    !range.from || !range.to
      ? "Choose both dates"
      : range.from > range.to
        ? "The start must be on or before the end"
        : days !== null && days > MAX_RANGE_DAYS
          ? `Choose at most ${formatNumber(MAX_RANGE_DAYS)} days`
          : null;
  const analytics = useCampaignAnalytics(
    campaignId,
    { granularity, date_from: range.from, date_to: range.to },
    rangeError === null,
  );

  return (
    <Card>
      <section id="analytics" aria-labelledby="analytics-heading" className="scroll-mt-20 space-y-5">
        <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
          <div>
            <h2 id="analytics-heading" className="text-lg font-semibold text-slate-900">
              Call activity
            </h2>
            <p className="text-sm text-slate-600">Calls placed and the share answered, per period.</p>
          </div>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:w-auto" role="group" aria-label="Analytics period">
            <div className="col-span-2 space-y-1.5 sm:col-span-1">
              <Label htmlFor="analytics-granularity">Granularity</Label>
              <Select
                id="analytics-granularity"
                value={granularity}
                aria-describedby="analytics-granularity-hint"
                onChange={(event) => setChosen(event.target.value as AnalyticsGranularity)}
              >
                {GRANULARITY_ORDER.map((g) => {
                  // Options that would draw more than MAX_BARS bars for this range cannot be chosen.
                  const allowed = days === null || isGranularityAllowed(g, days);
                  return (
                    <option key={g} value={g} disabled={!allowed}>
                      {GRANULARITY_LABELS[g]}
                      {allowed ? "" : " (range too long)"}
                    </option>
                  );
                })}
              </Select>
              <p id="analytics-granularity-hint" className="sr-only">
                Hourly fits up to a few days; longer ranges use daily or weekly bars.
              </p>
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="analytics-from">From</Label>
              <Input
                id="analytics-from"
                type="date"
                value={range.from}
                max={range.to || undefined}
                invalid={rangeError !== null}
                aria-describedby={rangeError ? "analytics-range-error" : undefined}
                onChange={(event) => setRange((r) => ({ ...r, from: event.target.value }))}
              />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="analytics-to">To</Label>
              <Input
                id="analytics-to"
                type="date"
                value={range.to}
                min={range.from || undefined}
                invalid={rangeError !== null}
                aria-describedby={rangeError ? "analytics-range-error" : undefined}
                onChange={(event) => setRange((r) => ({ ...r, to: event.target.value }))}
              />
            </div>
          </div>
        </div>
        {rangeError ? (
          <p id="analytics-range-error" className="text-sm font-medium text-red-600">
            {rangeError}
          </p>
        ) : null}

        {analytics.isError ? (
          <Alert tone="error" title="Analytics could not be loaded">
            <p>{errorMessage(analytics.error)}</p>
            {/* A refused period (e.g. too many hourly buckets) is fixed by changing it, not by retrying. */}
            {analytics.error instanceof ApiClientError && analytics.error.status >= 400 && analytics.error.status < 500 ? null : (
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => analytics.refetch()}>
                Try again
              </Button>
            )}
          </Alert>
        ) : !analytics.data ? (
          <div className="space-y-4" data-testid="analytics-loading">
            <span className="sr-only" role="status">
              Loading analytics…
            </span>
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-64 w-full" />
          </div>
        ) : (
          <div aria-busy={analytics.isFetching || undefined} className={analytics.isPlaceholderData ? "opacity-60" : undefined}>
            <AnalyticsBody data={analytics.data} />
          </div>
        )}
      </section>
    </Card>
  );
}

function AnalyticsBody({ data }: { data: CampaignAnalytics }) {
  const { summary } = data;
  const label = bucketFormatter(data.granularity, data.timezone);
  const points = data.time_series.map((point) => ({
    bucket: label(point.timestamp),
    calls: point.calls,
    // A period without calls has no success rate (the API reports 0): leave a gap, not a dip to 0%.
    success_rate: point.calls > 0 ? point.success_rate : null,
  }));
  const per = data.granularity === "hour" ? "hour" : data.granularity === "week" ? "week" : "day";

  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" data-testid="analytics-summary">
        <Stat label="Calls" value={formatNumber(summary.total_calls)} />
        {/* No calls (or none answered) means no rate, shown as "—" rather than a false 0 %. */}
        <Stat label="Success rate" value={summary.total_calls > 0 ? formatPercent(summary.success_rate) : "—"} />
        <Stat
          label="Conversion rate"
          value={summary.total_calls > 0 && summary.success_rate > 0 ? formatPercent(summary.conversion_rate) : "—"}
        />
        <Stat label="Cost" value={formatCurrency(summary.total_cost)} />
        <Stat label="Revenue" value={formatCurrency(summary.revenue)} className="col-span-2 sm:col-span-1" />
      </dl>
      {summary.total_calls === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center" data-testid="analytics-empty">
          <span className="mb-3 flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <ChartIcon className="size-5" />
          </span>
          <p className="font-medium text-slate-900">No calls in this period</p>
          <p className="mt-1 max-w-sm text-sm text-slate-600">
            Calls appear here once the campaign is active and dialling. Try a wider date range.
          </p>
        </div>
      ) : (
        <figure className="space-y-2">
          <div
            className="h-72 w-full"
            role="img"
            aria-label={`Chart of calls per ${per} and success rate: ${formatNumber(summary.total_calls)} calls in ${points.length} periods`}
            data-testid="analytics-chart"
          >
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="bucket" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
                <YAxis
                  yAxisId="calls"
                  allowDecimals={false}
                  tick={{ fontSize: 12, fill: "#475569" }}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                />
                <YAxis
                  yAxisId="rate"
                  orientation="right"
                  domain={[0, 100]}
                  tickFormatter={(value: number) => `${value}%`}
                  tick={{ fontSize: 12, fill: "#475569" }}
                  tickLine={false}
                  axisLine={false}
                  width={44}
                />
                <Tooltip
                  formatter={(value, name) =>
                    name === "Success rate"
                      ? [value === null || value === undefined ? "—" : formatPercent(Number(value)), name]
                      : [formatNumber(Number(value)), name]
                  }
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar yAxisId="calls" dataKey="calls" name="Calls" fill="#4f6bed" radius={[3, 3, 0, 0]} maxBarSize={36} />
                <Line
                  yAxisId="rate"
                  type="monotone"
                  dataKey="success_rate"
                  name="Success rate"
                  stroke="#059669"
                  strokeWidth={2}
                  dot={points.length <= 45 ? { r: 2.5 } : false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="text-xs text-slate-500">
            Periods in the campaign&apos;s time zone ({data.timezone.replaceAll("_", " ")}, {timeZoneAbbreviation(data.timezone)}).
          </figcaption>
        </figure>
      )}
    </div>
  );
}

function Stat({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className={cn("rounded-lg bg-slate-50 px-3 py-2", className)}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-semibold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}
