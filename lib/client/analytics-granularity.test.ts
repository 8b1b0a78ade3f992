import { describe, expect, it } from "vitest";
import {
  barCount,
  daysInRange,
  effectiveGranularity,
  isGranularityAllowed,
  MAX_BARS,
  MAX_RANGE_DAYS,
  recommendedGranularity,
} from "@/lib/client/analytics-granularity";

describe("analytics granularity", () => {
  it("counts calendar days with both ends included", () => {
    expect(daysInRange("2026-11-01", "2026-11-30")).toBe(30);
    expect(daysInRange("2026-11-01", "2026-11-01")).toBe(1);
    expect(daysInRange("2026-11-02", "2026-11-01")).toBeNull();
    expect(daysInRange("", "2026-11-01")).toBeNull();
  });

  it("recommends hours up to 3 days, days up to 90, weeks beyond", () => {
    expect(recommendedGranularity(1)).toBe("hour");
    expect(recommendedGranularity(3)).toBe("hour");
    expect(recommendedGranularity(4)).toBe("day");
    expect(recommendedGranularity(30)).toBe("day");
    expect(recommendedGranularity(90)).toBe("day");
    expect(recommendedGranularity(91)).toBe("week");
    expect(isGranularityAllowed("week", MAX_RANGE_DAYS + 7)).toBe(false);
  });

  it("never lets a choice draw more than the maximum number of bars", () => {
    // The reported problem: hourly over the default 30 days drew 720 bars.
    expect(isGranularityAllowed("hour", 30)).toBe(false);
    expect(effectiveGranularity("hour", 30)).toBe("day");
    for (let days = 1; days <= MAX_RANGE_DAYS; days++) {
      expect(barCount(effectiveGranularity("hour", days), days)).toBeLessThanOrEqual(MAX_BARS);
      expect(barCount(effectiveGranularity("day", days), days)).toBeLessThanOrEqual(MAX_BARS);
      expect(barCount(effectiveGranularity(null, days), days)).toBeLessThanOrEqual(MAX_BARS);
    }
  });

  it("keeps a choice that still fits", () => {
    expect(effectiveGranularity("week", 30)).toBe("week");
    expect(effectiveGranularity("hour", 2)).toBe("hour");
    expect(effectiveGranularity(null, 30)).toBe("day");
  });
});
