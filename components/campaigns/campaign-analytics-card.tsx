"use client";

import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { formatCurrency, formatNumber, formatPercent } from "@/lib/client/format";
import { useCampaignAnalytics } from "@/lib/client/hooks/use-campaign-analytics";
import type { AnalyticsGranularity, CampaignAnalytics } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import { ChartIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";

const DEFAULT_DAYS = 30;
const GRANULARITIES: { value: AnalyticsGranularity; label: string }[] = [
  { value: "hour", label: "Hourly" },
  { value: "day", label: "Daily" },
  { value: "week", label: "Weekly" },
];

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last 30 days, today included, in the browser's calendar (the API's own default window). */
function defaultRange(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DEFAULT_DAYS - 1));
  return { from: isoDate(from), to: isoDate(today) };
}

function bucketFormatter(granularity: AnalyticsGranularity, timeZone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions =
    granularity === "hour" ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } : { month: "short", day: "numeric" };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" });
  }
  return (iso) => {
    const label = format.format(new Date(iso));
    return granularity === "week" ? `Week of ${label}` : label;
  };
}

export function CampaignAnalyticsCard({ campaignId }: { campaignId: string }) {
  const [granularity, setGranularity] = useState<AnalyticsGranularity>("day");
  const [range, setRange] = useState(defaultRange);
  const rangeError = !range.from || !range.to ? "Choose both dates" : range.from > range.to ? "The start must be on or before the end" : null;
  const analytics = useCampaignAnalytics(
    campaignId,
    { granularity, date_from: range.from, date_to: range.to },
    rangeError === null,
  );

  return (
    <Card>
      <section aria-labelledby="analytics-heading" className="space-y-5">
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
                onChange={(event) => setGranularity(event.target.value as AnalyticsGranularity)}
              >
                {GRANULARITIES.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </Select>
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
        <Stat label="Success rate" value={formatPercent(summary.success_rate)} />
        <Stat label="Conversion rate" value={formatPercent(summary.conversion_rate)} />
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
          <figcaption className="text-xs text-slate-500">Periods in the campaign&apos;s time zone ({data.timezone.replaceAll("_", " ")}).</figcaption>
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
