import "server-only";
// Campaign analytics: a summary and a time series over [date_from, date_to), bucketed in the
// campaign's time zone with every bucket present (zeros included). Day and week buckets step in
// local calendar time, so they are 23 or 25 hours long across daylight-saving changes; hour buckets
// step in real hours from a local hour boundary, so a repeated local hour appears twice and a
// skipped one not at all. Date-only bounds are local days; a date-only date_to includes that day.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import type { CampaignAnalyticsQuery, CampaignSettings } from "@/lib/campaigns/schemas";

const MAX_BUCKETS = 2000;
const DAY_MS = 86_400_000;
const STEP = { hour: "1 hour", day: "1 day", week: "1 week" } as const;

type Bounds = { from: Date; to: Date };

async function resolveBounds(q: CampaignAnalyticsQuery, tz: string): Promise<Bounds> {
  const prisma = await db();
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  // Local midnight of a calendar date in the campaign's zone, computed by Postgres' tz database.
  const localMidnight = async (date: string, plusDays: number) => {
    const [row] = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT ((${date}::date + ${plusDays}::int)::timestamp AT TIME ZONE ${tz}) AS at`;
    return row!.at;
  };
  const now = new Date();
  const to = q.date_to ? (isDate(q.date_to) ? await localMidnight(q.date_to, 1) : new Date(q.date_to)) : now;
  let from: Date;
  if (q.date_from) from = isDate(q.date_from) ? await localMidnight(q.date_from, 0) : new Date(q.date_from);
  else {
    const [row] = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT (date_trunc('day', (${to}::timestamptz AT TIME ZONE ${tz})) - interval '29 days') AT TIME ZONE ${tz} AS at`;
    from = row!.at;
  }
  if (from > to) {
    throw new ApiError("VALIDATION_003", "date_from must not be after date_to", {
      fields: [{ field: "date_from", code: "VALIDATION_003", message: "After date_to" }],
    });
  }
  return { from, to };
}

export async function getCampaignAnalytics(ctx: Pick<AuthContext, "organization">, campaignId: string, q: CampaignAnalyticsQuery) {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  const tz = (campaign.settings as CampaignSettings).timezone;
  const { from, to } = await resolveBounds(q, tz);
  const unitMs = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS }[q.granularity];
  if ((to.getTime() - from.getTime()) / unitMs > MAX_BUCKETS) {
    throw new ApiError("VALIDATION_003", `That range has more than ${MAX_BUCKETS} ${q.granularity} buckets; pick a coarser granularity`, {
      fields: [{ field: "granularity", code: "VALIDATION_003", message: "Too many buckets for the range" }],
    });
  }
  const prisma = await db();
  const unit = q.granularity;
  const step = STEP[unit];
  // Bucket starts as instants; one extra start past the range gives the last bucket its end.
  const series =
    unit === "hour"
      ? `SELECT generate_series(date_trunc('hour', $1::timestamptz AT TIME ZONE $3) AT TIME ZONE $3, $2::timestamptz + interval '1 hour', interval '1 hour') AS s`
      : `SELECT (g AT TIME ZONE $3) AS s FROM generate_series(date_trunc('${unit}', $1::timestamptz AT TIME ZONE $3), ($2::timestamptz AT TIME ZONE $3) + interval '${step}', interval '${step}') AS g`;
  const rows = await prisma.$queryRawUnsafe<{ ts: Date; calls: number; success_rate: number }[]>(
    `WITH starts AS (${series}),
          buckets AS (SELECT s, lead(s) OVER (ORDER BY s) AS e FROM starts)
     SELECT b.s AS ts,
            count(c.id)::int AS calls,
            coalesce(round(100.0 * count(c.answered_at) / nullif(count(c.id), 0), 1), 0)::float8 AS success_rate
     FROM buckets b
     LEFT JOIN calls c ON c.campaign_id = $4 AND c.started_at >= greatest(b.s, $1::timestamptz) AND c.started_at < least(b.e, $2::timestamptz)
     WHERE b.e IS NOT NULL AND b.s < $2::timestamptz
     GROUP BY b.s ORDER BY b.s`,
    from,
    to,
    tz,
    campaign.id,
  );
  const [summary] = await prisma.$queryRaw<
    { total_calls: number; success_rate: number; conversion_rate: number; total_cost: number; revenue: number }[]
  >`
    SELECT count(*)::int AS total_calls,
           coalesce(round(100.0 * count(answered_at) / nullif(count(*), 0), 2), 0)::float8 AS success_rate,
           coalesce(round(100.0 * count(*) FILTER (WHERE converted) / nullif(count(answered_at), 0), 2), 0)::float8 AS conversion_rate,
           coalesce(round(sum(cost), 2), 0)::float8 AS total_cost,
           coalesce(round(sum(revenue), 2), 0)::float8 AS revenue
    FROM calls WHERE campaign_id = ${campaign.id} AND started_at >= ${from} AND started_at < ${to}`;
  return {
    summary: summary!,
    time_series: rows.map((r) => ({ timestamp: r.ts.toISOString().replace(".000Z", "Z"), calls: r.calls, success_rate: r.success_rate })),
    granularity: unit,
    date_from: from.toISOString(),
    date_to: to.toISOString(),
    timezone: tz,
  };
}
