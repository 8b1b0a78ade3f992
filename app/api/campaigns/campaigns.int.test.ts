import { beforeAll, describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[campaign_id]/route";
import * as analyticsRoute from "@/app/api/campaigns/[campaign_id]/analytics/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/schemas";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

const create = (body: unknown, token = a.admin.token) => call(campaignsRoute.POST, { method: "POST", path: "/api/campaigns", token, body });
const get = (id: string, token = a.admin.token) => call(campaignRoute.GET, { path: `/api/campaigns/${id}`, params: { campaign_id: id }, token });
const put = (id: string, body: unknown, token = a.admin.token) =>
  call(campaignRoute.PUT, { method: "PUT", path: `/api/campaigns/${id}`, params: { campaign_id: id }, token, body });

async function addLeads(campaignId: string, organizationId: string, phones: string[], status: "pending" | "contacted" = "pending") {
  const prisma = await db();
  await prisma.lead.createMany({
    data: phones.map((phone) => ({ id: newId("lead"), organizationId, campaignId, phone, timezone: "America/New_York", status })),
  });
}

async function addCall(campaignId: string, organizationId: string, startedAt: string, opts: { answered?: boolean; converted?: boolean; cost?: number; revenue?: number } = {}) {
  const prisma = await db();
  await prisma.call.create({
    data: {
      id: newId("call"),
      organizationId,
      campaignId,
      phone: "+12125550199",
      status: opts.answered ? "completed" : "no_answer",
      startedAt: new Date(startedAt),
      answeredAt: opts.answered ? new Date(startedAt) : null,
      converted: opts.converted ?? false,
      cost: opts.cost ?? 0,
      revenue: opts.revenue ?? 0,
    },
  });
}

describe("POST /api/campaigns", () => {
  it("creates a draft with the spec's response and complete default settings", async () => {
    const reply = await create({
      name: "Q1 Product Launch",
      campaign_type: "outbound_sales",
      settings: { max_calls_per_day: 500, max_attempts_per_prospect: 3 },
      schedule: { start_date: "2027-01-20T09:00:00Z", end_date: "2027-02-20T17:00:00Z" },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.data).toEqual({ campaign_id: expect.stringMatching(/^campaign_/), name: "Q1 Product Launch", status: "draft", created_at: expect.any(String) });
    const full = await get(reply.json.data.campaign_id);
    expect(full.json.data).toMatchObject({
      status: "draft",
      progress: { total_prospects: 0, contacted: 0, progress_percentage: 0 },
      performance: { success_rate: null, conversion_rate: null, roi: null },
      settings: { max_calls_per_day: 500, max_attempts_per_prospect: 3, retry_delay_minutes: 240, timezone: "America/New_York", respect_lead_timezone: true, calling_hours: { start: "09:00", end: "17:00" } },
      schedule: { start_date: "2027-01-20T09:00:00Z", end_date: "2027-02-20T17:00:00Z" },
    });
  });

  it("names each invalid field with the right code", async () => {
    const reply = await create({
      name: "",
      campaign_type: "telemarketing",
      settings: { max_calls_per_day: 0, calling_hours: { start: "18:00", end: "09:00", days: ["mon"] }, timezone: "Nowhere/City" },
      schedule: { start_date: "2027-02-01T00:00:00Z", end_date: "2027-01-01T00:00:00Z" },
    });
    expect(reply.status).toBe(400);
    expect(errorFields(reply)).toMatchObject({
      name: "VALIDATION_003",
      campaign_type: "VALIDATION_002",
      "settings.max_calls_per_day": "VALIDATION_003",
      "settings.calling_hours.end": "VALIDATION_003",
      "settings.timezone": "VALIDATION_002",
    });
    const schedule = await create({ name: "x", campaign_type: "survey", schedule: { start_date: "2027-02-01T00:00:00Z", end_date: "2027-01-01T00:00:00Z" } });
    expectError(schedule, 400, "VALIDATION_003");
    expect(errorFields(schedule)).toEqual({ "schedule.end_date": "VALIDATION_003" });
    expectError(await create({ campaign_type: "survey" }), 400, "VALIDATION_001");
  });

  it("is refused to agents", async () => {
    expectError(await create({ name: "x", campaign_type: "survey" }, a.agent.token), 403, "AUTH_003");
  });
});

describe("GET /api/campaigns and /api/campaigns/{id}", () => {
  it("computes progress and performance from leads and calls", async () => {
    const id = (await create({ name: "Metrics", campaign_type: "survey" })).json.data.campaign_id;
    await addLeads(id, a.org.id, ["+12125550001", "+12125550002", "+12125550003"], "pending");
    await addLeads(id, a.org.id, ["+12125550004"], "contacted");
    await addCall(id, a.org.id, "2026-11-02T15:00:00Z", { answered: true, converted: true, cost: 1, revenue: 11 });
    await addCall(id, a.org.id, "2026-11-02T16:00:00Z", { answered: true, cost: 0.5 });
    await addCall(id, a.org.id, "2026-11-02T17:00:00Z", { cost: 0.5 });
    await addCall(id, a.org.id, "2026-11-02T18:00:00Z", {});
    const reply = await get(id, a.agent.token);
    expect(reply.json.data.progress).toEqual({ total_prospects: 4, contacted: 1, progress_percentage: 25 });
    // success = 2 answered / 4 placed; conversion = 1 / 2 answered; roi = (11 − 2) / 2
    expect(reply.json.data.performance).toEqual({ success_rate: 50, conversion_rate: 50, roi: 4.5 });
  });

  it("reports no rate (null, like ROI) while there is nothing to divide", async () => {
    const id = (await create({ name: "Unanswered", campaign_type: "survey" })).json.data.campaign_id;
    expect((await get(id)).json.data.performance).toEqual({ success_rate: null, conversion_rate: null, roi: null });
    await addCall(id, a.org.id, "2026-11-02T15:00:00Z", { cost: 0.5 });
    // Calls placed, none answered: 0 % success is a fact; conversion still has nothing to divide.
    expect((await get(id)).json.data.performance).toEqual({ success_rate: 0, conversion_rate: null, roi: -1 });
  });

  it("lists with status, type and search filters, only the caller's organization", async () => {
    const org = await createOrg();
    for (const [name, type, description] of [
      ["Spring renewals", "customer_service", "Renewal reminders"],
      ["Webinar invites", "event_promotion", "Invite past attendees"],
      ["Cold outreach", "outbound_sales", null],
    ] as const) {
      await create({ name, campaign_type: type, description }, org.admin.token);
    }
    const list = (query: Record<string, string>) => call(campaignsRoute.GET, { path: "/api/campaigns", token: org.admin.token, query });
    const names = (reply: Awaited<ReturnType<typeof list>>) => reply.json.data.map((c: { name: string }) => c.name).sort();
    expect(names(await list({}))).toEqual(["Cold outreach", "Spring renewals", "Webinar invites"]);
    expect(names(await list({ campaign_type: "event_promotion" }))).toEqual(["Webinar invites"]);
    expect(names(await list({ search: "renewal" }))).toEqual(["Spring renewals"]);
    expect(names(await list({ search: "ATTENDEES" }))).toEqual(["Webinar invites"]);
    expect(names(await list({ status: "active" }))).toEqual([]);
    const paged = await list({ limit: "2", sort: "name", order: "asc" });
    expect(paged.json.pagination).toMatchObject({ total: 3, pages: 2, has_next: true });
    expect(paged.json.data[0]).toHaveProperty("progress");
    expectError(await list({ status: "archived" }), 400, "VALIDATION_002");
    expectError(await list({ sort: "budget" }), 400, "VALIDATION_002");
  });

  it("treats another organization's campaign as not found", async () => {
    const id = (await create({ name: "Private", campaign_type: "survey" })).json.data.campaign_id;
    expectError(await get(id, b.admin.token), 404, "RESOURCE_001");
    expectError(await put(id, { name: "Stolen" }, b.admin.token), 404, "RESOURCE_001");
  });
});

describe("PUT /api/campaigns/{id}", () => {
  it("merges settings instead of replacing them", async () => {
    const id = (await create({ name: "Merge", campaign_type: "survey", settings: { max_calls_per_day: 100, recording: false } })).json.data.campaign_id;
    const reply = await put(id, { settings: { max_calls_per_day: 750 }, description: "now with a description" });
    expect(reply.status).toBe(200);
    expect(reply.json.data.settings).toMatchObject({ max_calls_per_day: 750, recording: false, max_attempts_per_prospect: 3 });
    expect(reply.json.data.description).toBe("now with a description");
    expectError(await put(id, { settings: { max_concurrent_calls: 1000 } }), 400, "VALIDATION_003");
    expectError(await put(id, { schedule: { start_date: "2027-05-01T00:00:00Z", end_date: "2027-04-01T00:00:00Z" } }), 400, "VALIDATION_003");
    expectError(await put(id, {}), 400, "VALIDATION_002");
    expectError(await put(id, { name: "x" }, a.agent.token), 403, "AUTH_003");
  });

  it("needs a callable lead and a schedule that has not ended to go live", async () => {
    const id = (await create({ name: "Empty", campaign_type: "survey" })).json.data.campaign_id;
    const noLeads = await put(id, { status: "active" });
    expect(expectError(noLeads, 409, "RESOURCE_003").details.reason).toBe("no_callable_leads");
    await addLeads(id, a.org.id, ["+12125550011"]);
    await put(id, { schedule: { end_date: "2020-01-01T00:00:00Z" } });
    const ended = await put(id, { status: "active" });
    expect(expectError(ended, 409, "RESOURCE_003").details.reason).toBe("schedule_ended");
    await put(id, { schedule: { end_date: null } });
    // A lead put on the do-not-call list after its import is not callable.
    const prisma = await db();
    await prisma.dncEntry.create({ data: { id: newId("dnc"), organizationId: a.org.id, phone: "+12125550011", source: "manual" } });
    expect(expectError(await put(id, { status: "active" }), 409, "RESOURCE_003").details.reason).toBe("no_callable_leads");
    await prisma.dncEntry.deleteMany({ where: { organizationId: a.org.id, phone: "+12125550011" } });
    const live = await put(id, { status: "active" });
    expect(live.json.data).toMatchObject({ status: "active", started_at: expect.any(String) });
  });

  // The status machine written out by hand (README "Status machine"), not read from the code under test:
  // ✓ allowed, · refused with RESOURCE_003.
  //              to: draft  active  paused  completed  cancelled
  const MATRIX: Record<string, Record<string, boolean>> = {
    draft: /*     */ { active: true, paused: false, completed: false, cancelled: true },
    active: /*    */ { draft: false, paused: true, completed: true, cancelled: true },
    paused: /*    */ { draft: false, active: true, completed: true, cancelled: true },
    completed: /* */ { draft: false, active: false, paused: false, cancelled: false },
    cancelled: /* */ { draft: false, active: false, paused: false, completed: false },
  };
  const EXPECTED_ALLOWED: Record<string, string[]> = {
    draft: ["active", "cancelled"],
    active: ["paused", "completed", "cancelled"],
    paused: ["active", "completed", "cancelled"],
    completed: [],
    cancelled: [],
  };

  it("allows exactly the status machine's transitions, writing their events", async () => {
    const prisma = await db();
    expect(Object.keys(MATRIX).sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    for (const from of CAMPAIGN_STATUSES) {
      for (const to of CAMPAIGN_STATUSES) {
        if (from === to) continue;
        const id = newId("campaign");
        await prisma.campaign.create({
          data: {
            id,
            organizationId: a.org.id,
            name: `${from}→${to}`,
            campaignType: "survey",
            status: from,
            settings: (await get((await create({ name: "tmpl", campaign_type: "survey" })).json.data.campaign_id)).json.data.settings,
            schedule: { start_date: null, end_date: null },
          },
        });
        await addLeads(id, a.org.id, ["+12125550021"]);
        const reply = await put(id, { status: to });
        const allowed = MATRIX[from]![to];
        expect(allowed, `${from}→${to} is in the matrix`).toBeTypeOf("boolean");
        if (allowed) {
          expect({ from, to, status: reply.status }).toEqual({ from, to, status: 200 });
          const expected = to === "active" ? "campaign.started" : to === "paused" ? "campaign.paused" : to === "completed" ? "campaign.completed" : null;
          const events = await prisma.event.findMany({ where: { organizationId: a.org.id, payload: { path: ["campaign_id"], equals: id } } });
          expect(events.map((e) => e.type)).toEqual(expected ? [expected] : []);
        } else {
          expect({ from, to, status: reply.status, code: reply.json.error?.code }).toEqual({ from, to, status: 409, code: "RESOURCE_003" });
          expect([...(reply.json.error?.details.allowed as string[])].sort()).toEqual([...EXPECTED_ALLOWED[from]!].sort());
        }
      }
    }
  });

  it("keeps completed and cancelled campaigns read-only", async () => {
    const id = (await create({ name: "Done", campaign_type: "survey" })).json.data.campaign_id;
    await put(id, { status: "cancelled" });
    expectError(await put(id, { name: "Renamed" }), 409, "RESOURCE_003");
    expectError(await put(id, { settings: { max_calls_per_day: 10 } }), 409, "RESOURCE_003");
  });
});

describe("GET /api/campaigns/{id}/analytics", () => {
  const analytics = (id: string, query: Record<string, string>, token = a.admin.token) =>
    call(analyticsRoute.GET, { path: `/api/campaigns/${id}/analytics`, params: { campaign_id: id }, token, query });

  it("buckets days in the campaign's zone across the autumn DST change, every bucket present", async () => {
    const id = (await create({ name: "DST", campaign_type: "survey", settings: { timezone: "America/New_York" } })).json.data.campaign_id;
    await addCall(id, a.org.id, "2026-10-31T12:00:00Z", { answered: true });
    await addCall(id, a.org.id, "2026-11-02T04:30:00Z", { answered: true, converted: true, revenue: 100, cost: 2 }); // Nov 1, 23:30 EST
    await addCall(id, a.org.id, "2026-11-02T05:30:00Z"); // Nov 2, 00:30 EST
    const reply = await analytics(id, { date_from: "2026-10-30", date_to: "2026-11-02", granularity: "day" });
    expect(reply.status).toBe(200);
    expect(reply.json.data.time_series).toEqual([
      { timestamp: "2026-10-30T04:00:00Z", calls: 0, success_rate: 0 },
      { timestamp: "2026-10-31T04:00:00Z", calls: 1, success_rate: 100 },
      { timestamp: "2026-11-01T04:00:00Z", calls: 1, success_rate: 100 },
      { timestamp: "2026-11-02T05:00:00Z", calls: 1, success_rate: 0 },
    ]);
    expect(reply.json.data.summary).toEqual({ total_calls: 3, success_rate: 66.67, conversion_rate: 50, total_cost: 2, revenue: 100 });
    expect(reply.json.data).toMatchObject({ timezone: "America/New_York", date_from: "2026-10-30T04:00:00.000Z", date_to: "2026-11-03T05:00:00.000Z" });
  });

  it("gives the repeated hour two buckets in autumn and skips the missing hour in spring", async () => {
    const id = (await create({ name: "Hours", campaign_type: "survey", settings: { timezone: "America/New_York" } })).json.data.campaign_id;
    await addCall(id, a.org.id, "2026-11-01T05:30:00Z"); // 01:30 EDT
    await addCall(id, a.org.id, "2026-11-01T06:30:00Z"); // 01:30 EST
    const autumn = await analytics(id, { date_from: "2026-11-01T04:00:00Z", date_to: "2026-11-01T08:00:00Z", granularity: "hour" });
    expect(autumn.json.data.time_series.map((b: { timestamp: string; calls: number }) => [b.timestamp, b.calls])).toEqual([
      ["2026-11-01T04:00:00Z", 0],
      ["2026-11-01T05:00:00Z", 1],
      ["2026-11-01T06:00:00Z", 1],
      ["2026-11-01T07:00:00Z", 0],
    ]);
    const spring = await analytics(id, { date_from: "2026-03-08", date_to: "2026-03-08", granularity: "day" });
    expect(spring.json.data.time_series).toHaveLength(1);
    expect(new Date(spring.json.data.date_to).getTime() - new Date(spring.json.data.date_from).getTime()).toBe(23 * 3600 * 1000);
  });

  it("buckets weeks from Monday and validates its query", async () => {
    const id = (await create({ name: "Weeks", campaign_type: "survey", settings: { timezone: "Europe/Berlin" } })).json.data.campaign_id;
    const weeks = await analytics(id, { date_from: "2026-11-04", date_to: "2026-11-20", granularity: "week" });
    expect(weeks.json.data.time_series.map((b: { timestamp: string }) => b.timestamp)).toEqual([
      "2026-11-01T23:00:00Z",
      "2026-11-08T23:00:00Z",
      "2026-11-15T23:00:00Z",
    ]);
    expectError(await analytics(id, { date_from: "2026-11-05", date_to: "2026-11-01" }), 400, "VALIDATION_003");
    expectError(await analytics(id, { date_from: "yesterday" }), 400, "VALIDATION_002");
    expectError(await analytics(id, { date_from: "0000-01-01" }), 400, "VALIDATION_003");
    expectError(await analytics(id, { date_to: "0000-01-01T00:00:00Z" }), 400, "VALIDATION_003");
    expectError(await analytics(id, { granularity: "minute" }), 400, "VALIDATION_002");
    expectError(await analytics(id, { date_from: "2020-01-01", date_to: "2026-01-01", granularity: "hour" }), 400, "VALIDATION_003");
    const defaults = await analytics(id, {});
    expect(defaults.json.data.time_series).toHaveLength(30);
    expectError(await analytics(id, {}, a.agent.token), 403, "AUTH_003");
    expectError(await analytics(id, {}, b.admin.token), 404, "RESOURCE_001");
  });
});
