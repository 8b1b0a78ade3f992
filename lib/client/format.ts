// The one place the dashboard turns data into text: dates (in the viewer's chosen zone, labelled),
// phone numbers, numbers, money and sizes. Pure functions taking the zone/country explicitly so they
// can be tested; components get them bound to the signed-in user through useDisplayFormat()
// (lib/client/display-format.tsx). Rendered only in client components after data loads, so server
// and browser never disagree during hydration.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** The browser's own zone: the fallback when the profile names none (or an unknown one). */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "dateTime" | "date" | "time", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { year: "numeric", month: "short", day: "numeric" }
        : kind === "time"
          ? { hour: "numeric", minute: "2-digit", timeZoneName: "short" }
          : { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
    try {
      cached = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // An unknown zone (e.g. saved by an older runtime) must not break the page.
      cached = new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" });
    }
    formatters.set(key, cached);
  }
  return cached;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Dec 1, 2026, 9:05 AM EST": always with the zone's abbreviation (or GMT offset), so it is unambiguous. */
export function formatDateTime(iso: string | null | undefined, timeZone: string, fallback = "Never"): string {
  const date = parse(iso);
  return date ? formatter("dateTime", timeZone).format(date) : fallback;
}

/** The calendar day in the given zone ("Dec 1, 2026"). */
export function formatDate(iso: string | null | undefined, timeZone: string, fallback = "—"): string {
  const date = parse(iso);
  return date ? formatter("date", timeZone).format(date) : fallback;
}

/** "9:05 AM EST". */
export function formatTime(iso: string | null | undefined, timeZone: string, fallback = "—"): string {
  const date = parse(iso);
  return date ? formatter("time", timeZone).format(date) : fallback;
}

/** The zone's short name at a given instant ("EST", "GMT+5:30"), for captions. */
export function timeZoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const part = formatter("time", timeZone)
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

export type Granularity = "hour" | "day" | "week";

/** Labels for analytics buckets, in the zone the buckets were computed in (the campaign's). */
export function bucketFormatter(granularity: Granularity, timeZone: string): (iso: string) => string {
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

/**
 * A stored E.164 number for people: national format when it shares the organization's country
 * calling code ("(303) 555-0108" for a US organization), international otherwise ("+44 20 7946 0958").
 * The calling code, not the country, decides, so fictional 555-01xx numbers (valid for no country)
 * still format; anything unparseable is shown as stored.
 */
export function formatPhone(e164: string | null | undefined, organizationCountry: string, fallback = "—"): string {
  if (!e164) return fallback;
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  let homeCode: string | null = null;
  try {
    homeCode = getCountryCallingCode(organizationCountry as CountryCode);
  } catch {
    homeCode = null;
  }
  return number.countryCallingCode === homeCode ? number.formatNational() : number.formatInternational();
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return integer.format(value);
}

/**
 * A percentage the API already expresses as 0–100 (e.g. success_rate 85.04 → "85%"). null means
 * there is nothing to divide yet (no calls placed / answered): "—", as ROI shows, never a false "0%".
 */
export function formatPercent(value: number | null | undefined, fallback = "—"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return fallback;
  return `${oneDecimal.format(value)}%`;
}

const currency = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });

export function formatCurrency(value: number): string {
  return currency.format(value);
}

const UNITS = ["bytes", "KB", "MB", "GB"] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${integer.format(value)} ${value === 1 ? "byte" : "bytes"}` : `${oneDecimal.format(value)} ${UNITS[unit]}`;
}
