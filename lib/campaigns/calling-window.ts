// When a campaign may call a lead: inside the campaign's calling hours on one of its days (in the
// lead's own zone when `respect_lead_timezone` is on and the lead's zone is known, else in the
// campaign's zone) AND inside the legal window, 08:00–21:00 in the lead's own zone (the US TCPA
// rule, applied everywhere as the floor). Pure and dependency-free: the demo seed uses it to place
// its calls; the dialer will use it to decide when to dial.
import type { CampaignSettings } from "@/lib/campaigns/schemas";

export const LEGAL_WINDOW = { start: "08:00", end: "21:00" } as const;

type Weekday = CampaignSettings["calling_hours"]["days"][number];
export type WindowSettings = Pick<CampaignSettings, "calling_hours" | "timezone" | "respect_lead_timezone">;

const WEEKDAYS: Record<string, Weekday> = { Mon: "mon", Tue: "tue", Wed: "wed", Thu: "thu", Fri: "fri", Sat: "sat", Sun: "sun" };
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, format);
  }
  return format;
}

export type LocalTime = { date: string; weekday: Weekday; minuteOfDay: number; second: number };

/** The wall-clock date, weekday and time of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
}

/** "09:30" → 570. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
}

/** Inside [start, end) on the clock of that zone (a call may start at 17:59 for hours ending 18:00). */
function insideClock(local: LocalTime, start: string, end: string): boolean {
  return local.minuteOfDay >= clockMinutes(start) && local.minuteOfDay < clockMinutes(end);
}

/** The zone a campaign's calling hours are read in for this lead. */
export function hoursZone(settings: WindowSettings, leadTimeZone: string | null): string {
  return settings.respect_lead_timezone && leadTimeZone ? leadTimeZone : settings.timezone;
}

export function isInsideCallingHours(instant: Date, settings: WindowSettings, leadTimeZone: string | null): boolean {
  const local = localTime(instant, hoursZone(settings, leadTimeZone));
  const { days, start, end } = settings.calling_hours;
  return days.includes(local.weekday) && insideClock(local, start, end);
}

/** 08:00–21:00 in the lead's zone; with no known zone, the campaign's is the best guess. */
export function isInsideLegalWindow(instant: Date, leadTimeZone: string): boolean {
  return insideClock(localTime(instant, leadTimeZone), LEGAL_WINDOW.start, LEGAL_WINDOW.end);
}

export function mayCallAt(instant: Date, settings: WindowSettings, leadTimeZone: string | null): boolean {
  return isInsideCallingHours(instant, settings, leadTimeZone) && isInsideLegalWindow(instant, leadTimeZone ?? settings.timezone);
}

/**
 * The instant a wall-clock time on a date has in a zone ("2026-11-02", 9 × 60, "America/New_York").
 * Times that do not exist (the spring-forward gap) come out an hour off; callers check the result
 * with mayCallAt, which reads the wall clock again.
 */
export function zonedInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  let instant = asUtc;
  // Two passes settle the offset even when the first guess lands across a DST change.
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(instant), timeZone);
    const [ly, lm, ld] = local.date.split("-").map(Number);
    const shownAsUtc = Date.UTC(ly!, lm! - 1, ld!, Math.floor(local.minuteOfDay / 60), local.minuteOfDay % 60, local.second);
    instant += asUtc - shownAsUtc;
  }
  return new Date(instant);
}

/** The calendar date (YYYY-MM-DD) that is `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
