import "server-only";
// The organization's headline figures for a period (spec: GET /api/analytics/dashboard), with the
// change against the period of the same length just before it. Sums come from the 15-minute rollups
// of every campaign of the organization (plus at most 15 minutes of calls at each end; see
// quarterSplit), so the cost is campaigns × quarter hours, whatever the number of calls.
// Calls placed outside any campaign are not in the rollups; until they exist (the calls issue) the
// figures are campaign calls.
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { conversionRate, moneyAmount, moneyUnits, percentage, successRate } from "@/lib/campaigns/metrics";
import { quarterSplit, resolvePeriod, type Period } from "@/lib/analytics/period";
import type { DashboardQuery } from "@/lib/analytics/schemas";

const TOP_CAMPAIGNS = 5;

type CampaignSums = { campaign_id: string; name: string; calls: number; connected: number; converted: number; cost: string; revenue: string };

/** Per campaign of the organization with calls in [from, to): calls, answered, converted, cost, revenue. */
async function sumsByCampaign(organizationId: string, period: Period): Promise<CampaignSums[]> {
  const prisma = await db();
  const { midStart, midEnd, headEnd, tailStart } = quarterSplit(period);
  // calls.started_at and bucket_start are UTC timestamps without zone: bounds are converted to that
  // form explicitly rather than through the session's TimeZone.
  return prisma.$queryRaw<CampaignSums[]>`
    WITH src AS (
      SELECT r.campaign_id, r.calls, r.connected, r.converted, r.cost, r.revenue
      FROM campaign_call_rollups r JOIN campaigns c ON c.id = r.campaign_id
      WHERE c.organization_id = ${organizationId}
        AND r.bucket_start >= (${midStart}::timestamptz AT TIME ZONE 'UTC') AND r.bucket_start < (${midEnd}::timestamptz AT TIME ZONE 'UTC')
      UNION ALL
      SELECT campaign_id, 1, (answered_at IS NOT NULL)::int, converted::int, cost, revenue
      FROM calls
      WHERE organization_id = ${organizationId} AND campaign_id IS NOT NULL
        AND ((started_at >= (${period.from}::timestamptz AT TIME ZONE 'UTC') AND started_at < (${headEnd}::timestamptz AT TIME ZONE 'UTC'))
          OR (started_at >= (${tailStart}::timestamptz AT TIME ZONE 'UTC') AND started_at < (${period.to}::timestamptz AT TIME ZONE 'UTC')))
    )
    SELECT s.campaign_id, c.name, sum(s.calls)::int AS calls, sum(s.connected)::int AS connected, sum(s.converted)::int AS converted,
           sum(s.cost)::text AS cost, sum(s.revenue)::text AS revenue
    FROM src s JOIN campaigns c ON c.id = s.campaign_id
    GROUP BY s.campaign_id, c.name`;
}

type Totals = { calls: number; connected: number; converted: number; revenue: bigint };

function totals(rows: CampaignSums[]): Totals {
  const t: Totals = { calls: 0, connected: 0, converted: 0, revenue: 0n };
  for (const r of rows) {
    t.calls += r.calls;
    t.connected += r.connected;
    t.converted += r.converted;
    t.revenue += moneyUnits(r.revenue);
  }
  return t;
}

/** "+12.5%" / "-3.0%" / "+0.0%"; null when there is nothing to compare with. */
function signed(value: number | null): string | null {
  if (value === null) return null;
  return `${value > 0 ? "+" : value < 0 ? "-" : "+"}${Math.abs(value).toFixed(1)}%`;
}

/** Relative change in percent, one decimal; null when the previous value is zero. */
function relativeChange(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  // Money units fit a double exactly far beyond any real revenue (2^53 units = 900 billion).
  return percentage(Number(current - previous), Number(previous), 1);
}

export async function getDashboard(ctx: Pick<AuthContext, "organization">, q: DashboardQuery) {
  const prisma = await db();
  const period = await resolvePeriod(q, ctx.organization.timezone);
  const span = period.to.getTime() - period.from.getTime();
  const previous: Period = { from: new Date(period.from.getTime() - span), to: period.from };
  const [current, before, activeCampaigns] = await Promise.all([
    sumsByCampaign(ctx.organization.id, period),
    sumsByCampaign(ctx.organization.id, previous),
    prisma.campaign.count({ where: { organizationId: ctx.organization.id, status: "active" } }),
  ]);
  const now = totals(current);
  const then = totals(before);
  const rateNow = successRate(now.connected, now.calls);
  const rateThen = successRate(then.connected, then.calls);
  // Success rate moves in percentage points (a rate's relative change would be a rate of a rate).
  const ratePoints = rateNow !== null && rateThen !== null ? Math.round((rateNow - rateThen) * 10) / 10 : null;

  // Top campaigns by conversions, then revenue, then calls; performance is the conversion rate.
  const top = [...current]
    .sort(
      (a, b) =>
        b.converted - a.converted ||
        Number(moneyUnits(b.revenue) - moneyUnits(a.revenue)) ||
        b.calls - a.calls ||
        a.campaign_id.localeCompare(b.campaign_id),
    )
    .slice(0, TOP_CAMPAIGNS);

  return {
    summary: {
      total_calls: now.calls,
      success_rate: rateNow,
      total_revenue: moneyAmount(now.revenue),
      active_campaigns: activeCampaigns,
    },
    trends: {
      calls_trend: signed(relativeChange(BigInt(now.calls), BigInt(then.calls))),
      success_rate_trend: signed(ratePoints),
      revenue_trend: signed(relativeChange(now.revenue, then.revenue)),
    },
    top_campaigns: top.map((c) => ({
      campaign_id: c.campaign_id,
      name: c.name,
      performance: conversionRate(c.converted, c.connected),
      calls: c.calls,
      conversions: c.converted,
      success_rate: successRate(c.connected, c.calls),
      revenue: moneyAmount(moneyUnits(c.revenue)),
    })),
    date_from: period.from.toISOString(),
    date_to: period.to.toISOString(),
    previous_date_from: previous.from.toISOString(),
    timezone: ctx.organization.timezone,
  };
}
