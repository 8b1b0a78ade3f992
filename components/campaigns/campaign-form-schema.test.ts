import { describe, expect, it } from "vitest";
import { campaignFormSchemaFor, fromLocalInput, newCampaignDefaults, toLocalInput } from "@/components/campaigns/campaign-form-schema";

describe("campaign schedule inputs in the viewer's zone", () => {
  it("reads and shows datetime-local values in the given zone, not the machine's", () => {
    expect(fromLocalInput("2026-11-02T09:00", "America/New_York")?.toISOString()).toBe("2026-11-02T14:00:00.000Z");
    expect(fromLocalInput("2026-07-02T09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-07-02T03:30:00.000Z");
    expect(toLocalInput("2026-11-02T14:00:00Z", "America/New_York")).toBe("2026-11-02T09:00");
    expect(toLocalInput("2026-11-02T14:00:00Z", "Asia/Kolkata")).toBe("2026-11-02T19:30");
    expect(fromLocalInput("not a date", "UTC")).toBeNull();
  });

  it("sends the schedule as UTC instants", () => {
    const values = { ...newCampaignDefaults("America/Chicago"), name: "Zones", schedule: { start_date: "2027-01-20T09:00", end_date: "" } };
    const parsed = campaignFormSchemaFor("Europe/Kyiv").parse(values);
    expect(parsed.schedule).toEqual({ start_date: "2027-01-20T07:00:00.000Z", end_date: null });
  });
});
