import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent, formatPhone, timeZoneAbbreviation } from "@/lib/client/format";

describe("dates in the viewer's zone, labelled", () => {
  const instant = "2026-12-01T19:05:00Z";

  it("shows the time in the given zone with its abbreviation, not the machine's zone", () => {
    const ny = formatDateTime(instant, "America/New_York");
    expect(ny).toMatch(/2:05/);
    expect(ny).toMatch(/EST/);
    const kolkata = formatDateTime(instant, "Asia/Kolkata");
    expect(kolkata).toMatch(/12:35/);
    expect(kolkata).toMatch(/Dec 2/);
    expect(kolkata).toMatch(/GMT\+5:30/);
  });

  it("follows daylight saving in the label", () => {
    expect(formatDateTime("2026-07-01T19:05:00Z", "America/New_York")).toMatch(/3:05.*EDT/);
    expect(timeZoneAbbreviation("America/Los_Angeles", new Date("2026-01-15T12:00:00Z"))).toBe("PST");
  });

  it("takes the calendar day in the zone", () => {
    expect(formatDate("2026-12-02T02:00:00Z", "America/Los_Angeles")).toMatch(/Dec 1/);
    expect(formatDate("2026-12-02T02:00:00Z", "Europe/Berlin")).toMatch(/Dec 2/);
  });

  it("uses the fallback for missing or unreadable values, and survives an unknown zone", () => {
    expect(formatDateTime(null, "UTC")).toBe("Never");
    expect(formatDateTime("nope", "UTC", "—")).toBe("—");
    expect(formatDateTime(instant, "Mars/Base")).toMatch(/7:05.*UTC/);
  });
});

describe("phone numbers", () => {
  it("national for the organization's country, international otherwise", () => {
    expect(formatPhone("+13035550108", "US")).toBe("(303) 555-0108");
    expect(formatPhone("+442079460958", "US")).toBe("+44 20 7946 0958");
    expect(formatPhone("+442079460958", "GB")).toBe("020 7946 0958");
    expect(formatPhone("+13035550108", "GB")).toBe("+1 303 555 0108");
  });

  it("shows what it cannot parse as stored", () => {
    expect(formatPhone("12", "US")).toBe("12");
    expect(formatPhone(null, "US")).toBe("—");
  });
});

describe("rates", () => {
  it("shows — when there is nothing to divide, never a false 0 %", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(85.04)).toBe("85%");
  });
});
