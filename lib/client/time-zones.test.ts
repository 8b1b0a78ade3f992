import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isKnownTimeZone, matchesTimeZone, RENAMED_ZONES, supportedTimeZones, timeZoneOption } from "@/lib/client/time-zones";

describe("time-zone list", () => {
  const zones = supportedTimeZones();

  it("uses current names, not the renamed ones ICU still lists", () => {
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).toContain("Asia/Ho_Chi_Minh");
    for (const old of Object.keys(RENAMED_ZONES)) expect(zones).not.toContain(old);
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("America/New_York")).toBe("America/New_York");
  });

  it("is UTC first, then sorted, with no duplicates, every entry usable", () => {
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.slice(1)).toEqual([...zones.slice(1)].sort());
    expect(zones.every(isKnownTimeZone)).toBe(true);
  });

  it("filters by city, zone name or UTC offset", () => {
    const kolkata = timeZoneOption("Asia/Kolkata", new Date("2026-01-15T12:00:00Z"));
    expect(kolkata).toMatchObject({ city: "Kolkata", region: "Asia", offset: "UTC+05:30" });
    expect(matchesTimeZone(kolkata, "kolk")).toBe(true);
    expect(matchesTimeZone(kolkata, "+05:30")).toBe(true);
    expect(matchesTimeZone(kolkata, "asia kol")).toBe(true);
    expect(matchesTimeZone(kolkata, "denver")).toBe(false);
    const buenosAires = timeZoneOption("America/Argentina/Buenos_Aires");
    expect(buenosAires.city).toBe("Buenos Aires, Argentina");
    expect(matchesTimeZone(buenosAires, "buenos aires")).toBe(true);
    expect(timeZoneOption("America/New_York", new Date("2026-01-15T12:00:00Z")).offset).toBe("UTC−05:00");
    expect(matchesTimeZone(timeZoneOption("America/New_York", new Date("2026-01-15T12:00:00Z")), "-05")).toBe(true);
  });
});
