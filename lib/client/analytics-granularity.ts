// Which chart granularity fits a date range: 720 hourly bars for 30 days are unreadable. The card
// picks the recommended one for the range and refuses any that would draw more than MAX_BARS.
export type Granularity = "hour" | "day" | "week";

export const GRANULARITY_ORDER: readonly Granularity[] = ["hour", "day", "week"];
export const MAX_BARS = 200;
/** Hourly bars only up to this many days, daily up to the next; weekly beyond. */
const HOURLY_UP_TO_DAYS = 3;
const DAILY_UP_TO_DAYS = 90;
/** Even weekly bars exceed MAX_BARS beyond this (~3.8 years); the card asks for a shorter range. */
export const MAX_RANGE_DAYS = 7 * (MAX_BARS - 1);

/** Calendar days from one ISO date (YYYY-MM-DD) to another, both included; null if unreadable. */
export function daysInRange(from: string, to: string): number | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return Math.round((end - start) / 86_400_000) + 1;
}

/** How many bars a granularity draws over that many days (weeks: a partial week at each end). */
export function barCount(granularity: Granularity, days: number): number {
  if (granularity === "hour") return days * 24;
  if (granularity === "day") return days;
  return Math.ceil(days / 7) + 1;
}

export function recommendedGranularity(days: number): Granularity {
  if (days <= HOURLY_UP_TO_DAYS) return "hour";
  if (days <= DAILY_UP_TO_DAYS) return "day";
  return "week";
}

export function isGranularityAllowed(granularity: Granularity, days: number): boolean {
  return barCount(granularity, days) <= MAX_BARS;
}

/** The user's choice while it still fits the range, else the recommendation for the range. */
export function effectiveGranularity(chosen: Granularity | null, days: number | null): Granularity {
  if (days === null) return chosen ?? "day";
  return chosen && isGranularityAllowed(chosen, days) ? chosen : recommendedGranularity(days);
}
