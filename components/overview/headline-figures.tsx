"use client";

// The organization's figures for the last 30 days on the Overview, with the change against the 30 days
// before, and the campaigns that converted most. Numbers come straight from the API (no client maths).
import Link from "next/link";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { formatCurrency, formatNumber, formatPercent } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Kpi } from "@/components/ui/kpi";
import { Skeleton } from "@/components/ui/skeleton";
import { useDashboard, type Dashboard } from "@/components/overview/use-dashboard";

/** "+12.5%" from the API; `points` shows a rate's change as "+3.2 pts" (it is percentage points). */
function Trend({ value, what, points = false }: { value: string | null; what: string; points?: boolean }) {
  if (value === null) return <>No earlier {what} to compare</>;
  const tone = value.startsWith("-") ? "text-red-700" : /^\+0\.0%$/.test(value) ? "text-slate-600" : "text-emerald-700";
  return (
    <>
      <span className={`font-medium ${tone}`}>{points ? value.replace("%", " pts") : value}</span> vs previous 30 days
    </>
  );
}

function Figures({ data }: { data: Dashboard }) {
  const { summary, trends } = data;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-label="Organization figures">
      <Kpi label="Calls" value={formatNumber(summary.total_calls)} testId="overview-total-calls">
        <Trend value={trends.calls_trend} what="calls" />
      </Kpi>
      <Kpi label="Success rate" value={formatPercent(summary.success_rate)} testId="overview-success-rate">
        {summary.success_rate === null ? "No calls yet" : <Trend value={trends.success_rate_trend} what="calls" points />}
      </Kpi>
      <Kpi label="Revenue" value={formatCurrency(summary.total_revenue)} testId="overview-revenue">
        <Trend value={trends.revenue_trend} what="revenue" />
      </Kpi>
      <Kpi label="Active campaigns" value={formatNumber(summary.active_campaigns)} testId="overview-active-campaigns">
        Running now
      </Kpi>
    </dl>
  );
}

function TopCampaigns({ data }: { data: Dashboard }) {
  if (data.top_campaigns.length === 0) {
    return <p className="text-sm text-slate-600">No campaign has placed calls in the last 30 days.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="overview-top-campaigns">
      {data.top_campaigns.map((c) => (
        <li key={c.campaign_id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
          <Link href={`/campaigns/${c.campaign_id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
            {c.name}
          </Link>
          <span className="flex flex-wrap gap-x-4 text-slate-600 tabular-nums">
            <span>{formatNumber(c.calls)} calls</span>
            <span>{formatNumber(c.conversions)} converted</span>
            <span>{formatPercent(c.performance)} conversion</span>
            <span>{formatCurrency(c.revenue)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function HeadlineFigures() {
  const fmt = useDisplayFormat();
  const dashboard = useDashboard();
  return (
    <section aria-labelledby="figures-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="figures-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Last 30 days
        </h2>
        {dashboard.data ? (
          <p className="text-xs text-slate-500">
            {fmt.date(dashboard.data.date_from)} – {fmt.dateTime(dashboard.data.date_to)}
          </p>
        ) : null}
      </div>
      {dashboard.isPending ? (
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-busy="true" aria-label="Loading figures">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24 rounded-xl" />
          ))}
        </div>
      ) : dashboard.isError ? (
        <Alert tone="error" title="The figures could not be loaded">
          {errorMessage(dashboard.error)}
        </Alert>
      ) : (
        <>
          <Figures data={dashboard.data} />
          <h3 className="pt-2 text-sm font-semibold text-slate-900">Top campaigns</h3>
          <TopCampaigns data={dashboard.data} />
        </>
      )}
    </section>
  );
}
