// The time-zone list for pickers. Intl.supportedValuesOf("timeZone") follows ICU, which still uses
// the old names for zones IANA renamed (Asia/Calcutta, Europe/Kiev…); people look for the current
// ones, and both resolve to the same rules, so the list shows current names and maps old ones.

/** Old ICU/IANA link name → current IANA name. Both are accepted by Intl, so either saves and works. */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Coral_Harbour": "America/Atikokan",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The current name of a zone (Asia/Calcutta → Asia/Kolkata), when this runtime knows it. */
export function canonicalTimeZone(zone: string): string {
  const renamed = RENAMED_ZONES[zone];
  return renamed && isKnownTimeZone(renamed) ? renamed : zone;
}

/**
 * Every zone this runtime knows, under current names, UTC first (Intl's list omits it), sorted by
 * name. Server pages call it so the list matches what the API accepts (it validates with the same Intl).
 */
export function supportedTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map(canonicalTimeZone));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}

/** A saved zone stays selectable even if the list no longer names it. */
export function withZone(zones: readonly string[], current: string): string[] {
  return zones.includes(current) ? [...zones] : [current, ...zones];
}

export type TimeZoneOption = {
  value: string;
  /** "Asia/Kolkata" → "Kolkata"; "America/Argentina/Buenos_Aires" → "Buenos Aires, Argentina". */
  city: string;
  /** The continent/ocean part ("Asia", "America"), for grouping; "UTC" for UTC itself. */
  region: string;
  /** "UTC+05:30" at the given instant (daylight saving included). */
  offset: string;
  offsetMinutes: number;
};

function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  const truncated = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - truncated) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function timeZoneOption(zone: string, at: Date = new Date()): TimeZoneOption {
  const [region = zone, ...rest] = zone.split("/");
  const city = rest.length ? [...rest].reverse().join(", ").replaceAll("_", " ") : zone.replaceAll("_", " ");
  let minutes = 0;
  try {
    minutes = offsetMinutes(zone, at);
  } catch {
    minutes = 0;
  }
  return { value: zone, city, region: rest.length ? region : "UTC", offset: formatOffset(minutes), offsetMinutes: minutes };
}

/** Filter for type-to-search: every word typed must appear in the name, city or offset. */
export function matchesTimeZone(option: TimeZoneOption, query: string): boolean {
  const haystack = `${option.value} ${option.city} ${option.offset} ${option.offset.replace("−", "-")}`
    .toLowerCase()
    .replaceAll("_", " ");
  return query
    .toLowerCase()
    .replaceAll("_", " ")
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
