import { describe, expect, it } from "vitest";
import { callFiltersSearch, dateRangeError, hasFilters, isIsoDate, parseCallFilters } from "@/components/calls/call-filters";

describe("the Calls list's filters in the URL", () => {
  it("reads what the API accepts", () => {
    const params = new URLSearchParams("status=failed&disposition=callback&campaign_id=campaign_1&agent_id=agent_2&lead_id=lead_3&date_from=2026-11-01&date_to=2026-11-30");
    expect(parseCallFilters(params)).toEqual({
      status: "failed",
      disposition: "callback",
      campaign_id: "campaign_1",
      agent_id: "agent_2",
      lead_id: "lead_3",
      date_from: "2026-11-01",
      date_to: "2026-11-30",
    });
  });

  it("drops what it does not recognise rather than send it on", () => {
    const params = new URLSearchParams("status=busy&disposition=maybe&campaign_id=a%20b&date_from=2026-02-31&date_to=yesterday&page=3");
    expect(parseCallFilters(params)).toEqual({});
    expect(hasFilters(parseCallFilters(params))).toBe(false);
  });

  it("writes them back in a fixed order, leaving out the empty ones", () => {
    expect(callFiltersSearch({ date_to: "2026-11-30", status: "completed", agent_id: undefined })).toBe("?status=completed&date_to=2026-11-30");
    expect(callFiltersSearch({})).toBe("");
    const round = { status: "in_progress", lead_id: "lead_9" } as const;
    expect(parseCallFilters(new URLSearchParams(callFiltersSearch(round)))).toEqual(round);
  });

  it("checks calendar dates", () => {
    expect(isIsoDate("2026-11-30")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-11-30T10:00:00Z")).toBe(false);
    expect(isIsoDate("1800-01-01")).toBe(false);
  });

  it("refuses a range that ends before it starts", () => {
    expect(dateRangeError({ date_from: "2026-11-30", date_to: "2026-11-01" })).toMatch(/before/);
    expect(dateRangeError({ date_from: "2026-11-01", date_to: "2026-11-01" })).toBeNull();
    expect(dateRangeError({ date_from: "2026-11-01" })).toBeNull();
  });
});
