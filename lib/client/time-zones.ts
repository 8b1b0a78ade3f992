/**
 * The IANA zones this runtime knows, UTC first (Intl's list omits it). Server pages call it so the
 * list matches what the API accepts (it validates zones with the same Intl data).
 */
export function supportedTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** A saved zone stays selectable even if the list no longer names it. */
export function withZone(zones: readonly string[], current: string): string[] {
  return zones.includes(current) ? [...zones] : [current, ...zones];
}
