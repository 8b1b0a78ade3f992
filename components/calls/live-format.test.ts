import { describe, expect, it } from "vitest";
import { calleeLabel, formatCallee, isBrowserCallee, liveCounts, liveDuration, secondsSince } from "@/components/calls/live-format";

const answered = "2026-11-30T15:00:00.000Z";
const at = (iso: string) => Date.parse(iso);

describe("a call's live duration", () => {
  it("ticks from the answer, in whole seconds", () => {
    expect(liveDuration({ answered_at: answered }, at("2026-11-30T15:00:00.999Z"))).toBe("0:00");
    expect(liveDuration({ answered_at: answered }, at("2026-11-30T15:00:01.000Z"))).toBe("0:01");
    expect(liveDuration({ answered_at: answered }, at("2026-11-30T15:04:05.400Z"))).toBe("4:05");
    expect(liveDuration({ answered_at: answered }, at("2026-11-30T16:02:03.000Z"))).toBe("1:02:03");
  });

  it("is null before the answer, and never negative when the browser's clock is behind", () => {
    expect(liveDuration({ answered_at: null }, at(answered))).toBeNull();
    expect(liveDuration({ answered_at: answered }, at("2026-11-30T14:59:58.000Z"))).toBe("0:00");
    expect(secondsSince("not a date", at(answered))).toBeNull();
    expect(secondsSince(answered, Number.NaN)).toBeNull();
  });
});

describe("who is on the other end", () => {
  const phone = (p: string) => `tel ${p}`;
  it("the lead's name, else the number, else a browser tab", () => {
    expect(calleeLabel({ lead_name: " Dana Lee ", phone_number: "+14155550100" }, phone)).toBe("Dana Lee");
    expect(calleeLabel({ lead_name: null, phone_number: "+14155550100" }, phone)).toBe("tel +14155550100");
    expect(calleeLabel({ lead_name: "  ", phone_number: "client:browser_u1_ab12" }, phone)).toBe("Browser tab");
    expect(isBrowserCallee("client:browser_u1_ab12")).toBe(true);
    expect(isBrowserCallee("+14155550100")).toBe(false);
    expect(formatCallee("client:browser_u1_ab12", phone)).toBe("Browser tab");
    expect(formatCallee("+14155550100", phone)).toBe("tel +14155550100");
  });
});

describe("the live counts", () => {
  it("splits calls talking from those still connecting", () => {
    expect(liveCounts([{ status: "in_progress" }, { status: "ringing" }, { status: "initiated" }, { status: "in_progress" }])).toEqual({ talking: 2, connecting: 2 });
    expect(liveCounts([])).toEqual({ talking: 0, connecting: 0 });
  });
});
