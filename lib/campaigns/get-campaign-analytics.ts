import "server-only";
// Campaign analytics: a summary and a time series over [date_from, date_to), bucketed in the
// campaign's time zone with every bucket present (zeros included). Day and week buckets step in
// local calendar time, so they are 23 or 25 hours long across daylight-saving changes; hour buckets
// step in real hours from a local hour boundary, so a repeated local hour appears twice and a
// skipped one not at all. Date-only bounds are local days; a date-only date_to includes that day.
// Sums come from campaign_call_rollups (calls per campaign per UTC quarter hour, kept by triggers),
// so the cost is the number of quarter hours in the range, not the number of calls.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { quarterSplit, resolvePeriod } from "@/lib/analytics/period";
import type { AuthContext } from "@/lib/auth/context";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import type { CampaignAnalyticsQuery, CampaignSettings } from "@/lib/campaigns/schemas";
import { conversionRate, moneyAmount, moneyUnits, successRate } from "@/lib/campaigns/metrics";

const MAX_BUCKETS = 2000;
const DAY_MS = 86_400_000;
const STEP = { hour: "1 hour", day: "1 day", week: "1 week" } as const;

type BucketRow = { ts: Date | null; calls: number; connected: number; converted: number; cost: string; revenue: string };

export async function getCampaignAnalytics(ctx: Pick<AuthContext, "organization">, campaignId: string, q: CampaignAnalyticsQuery) {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  const tz = (campaign.settings as CampaignSettings).timezone;
  const { from, to } = await resolvePeriod(q, tz);
  const unitMs = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS }[q.granularity];
  if ((to.getTime() - from.getTime()) / unitMs > MAX_BUCKETS) {
    throw new ApiError("VALIDATION_003", `That range has more than ${MAX_BUCKETS} ${q.granularity} buckets; pick a coarser granularity`, {
      fields: [{ field: "granularity", code: "VALIDATION_003", message: "Too many buckets for the range" }],
    });
  }
  const prisma = await db();
  const unit = q.granularity;
  const step = STEP[unit];
  // Whole quarter hours from the rollups, the partial quarter at each end from calls (quarterSplit);
  // see the comment on CampaignCallRollup for why quarter hours make every zone's buckets exact.
  const { midStart, midEnd, headEnd, tailStart } = quarterSplit({ from, to });
  // Bucket starts as instants; one extra start past the range gives the last bucket its end.
  const series =
    unit === "hour"
      ? `SELECT generate_series(date_trunc('hour', $1::timestamptz AT TIME ZONE $3) AT TIME ZONE $3, $2::timestamptz + interval '1 hour', interval '1 hour') AS s`
      : `SELECT (g AT TIME ZONE $3) AS s FROM generate_series(date_trunc('${unit}', $1::timestamptz AT TIME ZONE $3), ($2::timestamptz AT TIME ZONE $3) + interval '${step}', interval '${step}') AS g`;
  // The bucket a time t falls in, computed rather than searched so the join to buckets is by equality:
  // hour buckets step in real hours from the first one; day and week buckets are local calendar units.
  const bucketOf =
    unit === "hour"
      ? `(SELECT min(s) FROM starts) + floor(extract(epoch FROM t - (SELECT min(s) FROM starts)) / 3600) * interval '1 hour'`
      : `date_trunc('${unit}', t AT TIME ZONE $3) AT TIME ZONE $3`;
  // calls.started_at and the rollups' bucket_start are UTC timestamps without zone: bounds are
  // converted to that form explicitly (not through the session's TimeZone) and rows back to instants.
  const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
  const rows = await prisma.$queryRawUnsafe<BucketRow[]>(
    `WITH starts AS (${series}),
          buckets AS (SELECT s, lead(s) OVER (ORDER BY s) AS e FROM starts),
          src AS (
            SELECT r.bucket_start AT TIME ZONE 'UTC' AS t, r.calls, r.connected, r.converted, r.cost, r.revenue
            FROM campaign_call_rollups r JOIN campaigns c ON c.id = r.campaign_id AND c.organization_id = $5
            WHERE r.campaign_id = $4 AND r.bucket_start >= ${utc("$6")} AND r.bucket_start < ${utc("$7")}
            UNION ALL
            SELECT started_at AT TIME ZONE 'UTC', 1, (answered_at IS NOT NULL)::int, converted::int, cost, revenue
            FROM calls WHERE organization_id = $5 AND campaign_id = $4 AND started_at >= ${utc("$1")} AND started_at < ${utc("$8")}
            UNION ALL
            SELECT started_at AT TIME ZONE 'UTC', 1, (answered_at IS NOT NULL)::int, converted::int, cost, revenue
            FROM calls WHERE organization_id = $5 AND campaign_id = $4 AND started_at >= ${utc("$9")} AND started_at < ${utc("$2")}
          ),
          sums AS (
            SELECT ${bucketOf} AS k, sum(calls)::int AS calls, sum(connected)::int AS connected, sum(converted)::int AS converted,
                   sum(cost) AS cost, sum(revenue) AS revenue
            FROM src GROUP BY 1
          )
     SELECT b.s AS ts, coalesce(x.calls, 0) AS calls, coalesce(x.connected, 0) AS connected, coalesce(x.converted, 0) AS converted,
            coalesce(x.cost, 0)::text AS cost, coalesce(x.revenue, 0)::text AS revenue
     FROM buckets b LEFT JOIN sums x ON x.k = b.s
     WHERE b.e IS NOT NULL AND b.s < $2::timestamptz
     UNION ALL
     -- The summary row (ts null) sums every source row, so it cannot disagree with the range.
     SELECT NULL, coalesce(sum(calls), 0)::int, coalesce(sum(connected), 0)::int, coalesce(sum(converted), 0)::int,
            coalesce(sum(cost), 0)::text, coalesce(sum(revenue), 0)::text
     FROM sums
     ORDER BY 1 NULLS LAST`,
    from,
    to,
    tz,
    campaign.id,
    ctx.organization.id,
    midStart,
    midEnd,
    headEnd,
    tailStart,
  );
  const total = rows.pop()!;
  // Analytics shows 0 % where the campaign view shows "no rate yet" (null): a chart needs a number.
  const summary = {
    total_calls: total.calls,
    success_rate: successRate(total.connected, total.calls) ?? 0,
    conversion_rate: conversionRate(total.converted, total.connected) ?? 0,
    total_cost: moneyAmount(moneyUnits(total.cost)),
    revenue: moneyAmount(moneyUnits(total.revenue)),
  };
  return {
    summary,
    time_series: rows.map((r) => ({
      timestamp: r.ts!.toISOString().replace(".000Z", "Z"),
      calls: r.calls,
      success_rate: successRate(r.connected, r.calls) ?? 0,
    })),
    granularity: unit,
    date_from: from.toISOString(),
    date_to: to.toISOString(),
    timezone: tz,
  };
}
