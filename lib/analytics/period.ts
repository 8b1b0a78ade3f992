import "server-only";
// The time range an analytics read covers. Date-only bounds are local calendar days in the given zone
// (a date-only date_to includes that day); date-times are instants. With no date_from the range is the
// 30 local days that end with date_to (default: now).
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";

export type Period = { from: Date; to: Date };

const DEFAULT_DAYS = 30;
const QUARTER_MS = 900_000;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export async function resolvePeriod(q: { date_from?: string; date_to?: string }, tz: string): Promise<Period> {
  const prisma = await db();
  // Local midnight of a calendar date in the zone, computed by Postgres' tz database.
  const localMidnight = async (date: string, plusDays: number) => {
    const [row] = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT ((${date}::date + ${plusDays}::int)::timestamp AT TIME ZONE ${tz}) AS at`;
    return row!.at;
  };
  const to = q.date_to ? (isDate(q.date_to) ? await localMidnight(q.date_to, 1) : new Date(q.date_to)) : new Date();
  let from: Date;
  if (q.date_from) from = isDate(q.date_from) ? await localMidnight(q.date_from, 0) : new Date(q.date_from);
  else {
    const [row] = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT (date_trunc('day', (${to}::timestamptz AT TIME ZONE ${tz})) - ${`${DEFAULT_DAYS - 1} days`}::interval) AT TIME ZONE ${tz} AS at`;
    from = row!.at;
  }
  if (from > to) {
    throw new ApiError("VALIDATION_003", "date_from must not be after date_to", {
      fields: [{ field: "date_from", code: "VALIDATION_003", message: "After date_to" }],
    });
  }
  return { from, to };
}

/**
 * How [from, to) splits over the 15-minute rollups (campaign_call_rollups): the quarter hours wholly
 * inside it come from the rollups, and the partial quarter at each end — only when a bound is a
 * date-time off a quarter hour, like the default "now" — from the calls themselves, at most 15
 * minutes of them: [from, headEnd) and [tailStart, to).
 */
export function quarterSplit({ from, to }: Period) {
  const midStart = new Date(Math.ceil(from.getTime() / QUARTER_MS) * QUARTER_MS);
  const midEnd = new Date(Math.floor(to.getTime() / QUARTER_MS) * QUARTER_MS);
  return {
    midStart,
    midEnd,
    headEnd: new Date(Math.min(midStart.getTime(), to.getTime())),
    tailStart: new Date(Math.max(midEnd.getTime(), midStart.getTime())),
  };
}
