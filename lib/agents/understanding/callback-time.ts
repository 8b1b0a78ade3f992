// "Tomorrow at 3", "next Tuesday morning", "in an hour" → an instant, read in the lead's own zone.
// chrono-node finds the phrase and its parts; we read them as wall-clock time in the zone ourselves
// (chrono works in one fixed offset), so a callback across a DST change keeps its local hour.
// Relative phrases ("in an hour") are a duration from now, whatever the wall clock does.
import * as chrono from "chrono-node";
import { addDays, localTime, zonedInstant } from "@/lib/campaigns/calling-window";

export type CallbackTime = { at: Date; text: string };

/** Parts of the day as people say them on the phone, mapped to a sensible hour to call. */
const PARTS_OF_DAY: [RegExp, number][] = [
  [/\bmorning\b/, 9 * 60],
  [/\b(lunch ?time|midday|noon)\b/, 12 * 60],
  [/\bafternoon\b/, 14 * 60],
  [/\b(evening|tonight|after work)\b/, 18 * 60],
];

// Phrasings chrono does not take, rewritten to ones it does; and words speech recognition mishears.
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const REWRITES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/\b(tree)\b/g, "three"],
  [/\b(at|around|about|after|by) (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/g, (_, at, word) => `${at} ${NUMBER_WORDS.indexOf(word) + 1}`],
  [/\bfor (?=(?:\d{1,2})\s*(?:am|pm|o'?clock)\b)/g, "at "],
  [/\b(?:after|around|about|say|like|by)\s+(\d{1,2}(?::\d\d)?)(?!\d)/g, "at $1"],
  [/\b(?:end|later part) of (?:the|this) week\b/g, "friday"],
  [/\bearly next week\b/g, "next monday"],
  [/\bnext week\b/g, "next monday"],
  [/\bhalf an hour\b/g, "30 minutes"],
  [/\ba couple (?:of )?hours\b/g, "2 hours"],
  [/\ba couple (?:of )?days\b/g, "2 days"],
  [/\blater today\b/g, "in 3 hours"],
  [/\blater\b(?! (?:this|in|on|today|tonight))/g, ""],
];

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** `today` is the zone's date (YYYY-MM-DD): "on the 15th" means this month's, or next month's once it has passed. */
export function normaliseTimePhrase(text: string, today: string): string {
  let out = ` ${text.toLowerCase()} `;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement as string);
  out = out.replace(/\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b(?! of)/g, (_, day: string) => {
    const [, month, todayDay] = today.split("-").map(Number);
    const index = Number(day) >= todayDay! ? month! - 1 : month! % 12;
    return `on ${MONTHS[index]} ${Number(day)}`;
  });
  return out.replace(/\s+/g, " ").trim();
}

/**
 * The first time the caller names, as an instant, or null when they named none. `now` is the
 * conversation's clock; the result is never in the past.
 */
export function resolveCallbackTime(text: string, timeZone: string, now: Date): CallbackTime | null {
  const local = localTime(now, timeZone);
  const phrase = normaliseTimePhrase(text, local.date);
  const [y, m, d] = local.date.split("-").map(Number);
  // The zone's wall clock as if it were UTC: chrono then computes in wall-clock terms.
  const floatingNow = new Date(Date.UTC(y!, m! - 1, d!, Math.floor(local.minuteOfDay / 60), local.minuteOfDay % 60, local.second));
  const results = chrono.parse(phrase, { instant: floatingNow, timezone: 0 }, { forwardDate: true });
  // "Not now" names no time.
  const result = results.find((r) => !/^(right )?now$/.test(r.text.trim()));
  if (!result) return null;
  const start = result.start;
  const floating = start.date();

  if (!Number.isFinite(floating.getTime())) return null;
  if (start.isCertain("timezoneOffset")) {
    if (floating.getTime() - floatingNow.getTime() > 400 * 86_400_000) return null;
    // "in an hour": a duration from now.
    return { at: new Date(now.getTime() + (floating.getTime() - floatingNow.getTime())), text: result.text };
  }
  let minuteOfDay = floating.getUTCHours() * 60 + floating.getUTCMinutes();
  let date = floating.toISOString().slice(0, 10);
  const dayNamed = start.isCertain("day") || start.isCertain("weekday");
  if (!start.isCertain("hour")) {
    const part = PARTS_OF_DAY.find(([p]) => p.test(phrase));
    // A day with no time ("tomorrow"): the morning, the usual time to ring back.
    minuteOfDay = part ? part[1] : 10 * 60;
  } else if (!start.isCertain("meridiem") && start.get("hour")! >= 1 && start.get("hour")! <= 7) {
    // "At 3" on a business call means the afternoon (chrono may have moved a passed 3 am to tomorrow).
    minuteOfDay += 12 * 60;
    if (!dayNamed) date = local.date;
  }
  // A time past next year is a joke or a mishearing, not a callback (and past year 9999, no date at all).
  if (!(floating.getTime() - floatingNow.getTime() < 400 * 86_400_000)) return null;
  let at = zonedInstant(date, minuteOfDay, timeZone);
  // "At 3" said at 4 pm means tomorrow.
  if (at.getTime() <= now.getTime() && !dayNamed) at = zonedInstant(addDays(date, 1), minuteOfDay, timeZone);
  if (at.getTime() <= now.getTime()) return null;
  return { at, text: result.text };
}

/** "tomorrow at 3:00 PM" style wording of a callback time, in the lead's zone, for the agent to say. */
export function sayCallbackTime(at: Date, timeZone: string, now: Date): string {
  const day = localTime(at, timeZone).date;
  const today = localTime(now, timeZone).date;
  const tomorrow = localTime(new Date(now.getTime() + 86_400_000), timeZone).date;
  const time = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
  if (day === today) return `today at ${time}`;
  if (day === tomorrow) return `tomorrow at ${time}`;
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", month: "long", day: "numeric" }).format(at);
  return `on ${weekday} at ${time}`;
}
