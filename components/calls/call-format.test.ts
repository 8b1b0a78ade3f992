import { describe, expect, it } from "vitest";
import { formatCallCost, formatDuration, formatQuality, offsetFrom, spokenDuration } from "@/components/calls/call-format";

describe("call numbers as text", () => {
  it("formats durations as a clock", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(45)).toBe("0:45");
    expect(formatDuration(245.9)).toBe("4:05");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(-3)).toBe("0:00");
    expect(formatDuration(Number.NaN)).toBe("0:00");
    expect(formatDuration(null)).toBe("0:00");
  });

  it("speaks durations", () => {
    expect(spokenDuration(0)).toBe("0 seconds");
    expect(spokenDuration(61)).toBe("1 minute 1 second");
    expect(spokenDuration(120)).toBe("2 minutes");
    expect(spokenDuration(3605)).toBe("1 hour 5 seconds");
  });

  it("shows costs to a hundredth of a cent", () => {
    expect(formatCallCost(0.0662)).toBe("$0.0662");
    expect(formatCallCost(0.0075)).toBe("$0.0075");
    expect(formatCallCost(1.2)).toBe("$1.20");
    expect(formatCallCost(0)).toBe("$0.00");
    expect(formatCallCost(null)).toBe("—");
  });

  it("shows quality to one decimal", () => {
    expect(formatQuality(4.56)).toBe("4.6");
    expect(formatQuality(null)).toBe("—");
  });

  it("measures timeline entries from the call's start", () => {
    expect(offsetFrom("2026-11-30T15:00:00Z", "2026-11-30T15:00:00Z")).toBe("+0:00");
    expect(offsetFrom("2026-11-30T15:00:00Z", "2026-11-30T15:01:05.400Z")).toBe("+1:05");
    expect(offsetFrom("2026-11-30T15:00:00Z", "2026-11-30T14:59:59Z")).toBeNull();
    expect(offsetFrom("bad", "2026-11-30T15:00:00Z")).toBeNull();
  });
});
