// GET /api/analytics/dashboard through its route handler: figures for a period of local days, trends
// against the period before, top campaigns, tenancy, permissions and validation. Expected values are
// worked out by hand from the calls each test writes.
import { beforeAll, describe, expect, it } from "vitest";
import * as dashboardRoute from "@/app/api/analytics/dashboard/route";
import { call, expectError } from "@/lib/testing/api";
import { createApiKeyFor, createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

type Org = Awaited<ReturnType<typeof createOrg>>;
let a: Org;
let b: Org;

const dashboard = (query: Record<string, string>, token = a.manager.token) =>
  call(dashboardRoute.GET, { path: "/api/analytics/dashboard", token, query });

async function campaign(org: Org, name: string, status: "draft" | "active" = "draft") {
  const prisma = await db();
  const row = await prisma.campaign.create({
    data: {
      id: newId("campaign"),
      organizationId: org.org.id,
      name,
      campaignType: "outbound_sales",
      status,
      settings: { timezone: "America/New_York" },
      schedule: {},
      createdById: org.admin.id,
    },
  });
  return row.id;
}

async function addCall(org: Org, campaignId: string, startedAt: string, opts: { answered?: boolean; converted?: boolean; revenue?: number } = {}) {
  const prisma = await db();
  await prisma.call.create({
    data: {
      id: newId("call"),
      organizationId: org.org.id,
      campaignId,
      phone: "+12125550199",
      status: opts.answered ? "completed" : "no_answer",
      startedAt: new Date(startedAt),
      answeredAt: opts.answered ? new Date(startedAt) : null,
      converted: opts.converted ?? false,
      revenue: opts.revenue ?? 0,
    },
  });
}

let x: string;
let y: string;
beforeAll(async () => {
  a = await createOrg({ name: "Dashboard Org" });
  b = await createOrg();
  x = await campaign(a, "Spring Renewals", "active");
  y = await campaign(a, "Cold Outreach");
  // The period is 2026-11-01..2026-11-07 in America/New_York: [2026-11-01T04:00Z, 2026-11-08T05:00Z)
  // (daylight saving ends on 1 November). The previous period is the 7 days and 1 hour before it.
  await addCall(a, x, "2026-11-02T15:00:00Z", { answered: true, converted: true, revenue: 100 });
  await addCall(a, x, "2026-11-03T15:07:00Z", { answered: true, converted: true, revenue: 50.5 });
  await addCall(a, x, "2026-11-04T15:00:00Z", { answered: true });
  await addCall(a, x, "2026-11-08T04:59:59Z"); // 23:59:59 on 7 November, New York time: inside
  await addCall(a, y, "2026-11-05T18:00:00Z", { answered: true });
  await addCall(a, y, "2026-11-01T04:00:00Z"); // the first instant of the period
  // Outside, after: midnight of 8 November in New York.
  await addCall(a, y, "2026-11-08T05:00:00Z", { answered: true, converted: true, revenue: 999 });
  // The previous period: 03:59 UTC on 1 November is still 31 October in New York.
  await addCall(a, x, "2026-11-01T03:59:00Z", { answered: true, revenue: 60 });
  await addCall(a, x, "2026-10-26T12:00:00Z");
  // Another organization's calls in the same period never count.
  const other = await campaign(b, "Other Org Campaign", "active");
  await addCall(b, other, "2026-11-02T15:00:00Z", { answered: true, converted: true, revenue: 5000 });
});

describe("GET /api/analytics/dashboard", () => {
  it("sums the period's calls, compares with the period before and ranks campaigns", async () => {
    const reply = await dashboard({ date_from: "2026-11-01", date_to: "2026-11-07" });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toEqual({
      // 6 calls, 4 answered (66.67 %), revenue 150.50; before: 2 calls, 1 answered (50 %), revenue 60.
      summary: { total_calls: 6, success_rate: 66.67, total_revenue: 150.5, active_campaigns: 1 },
      trends: { calls_trend: "+200.0%", success_rate_trend: "+16.7%", revenue_trend: "+150.8%" },
      top_campaigns: [
        { campaign_id: x, name: "Spring Renewals", performance: 66.67, calls: 4, conversions: 2, success_rate: 75, revenue: 150.5 },
        { campaign_id: y, name: "Cold Outreach", performance: 0, calls: 2, conversions: 0, success_rate: 50, revenue: 0 },
      ],
      date_from: "2026-11-01T04:00:00.000Z",
      date_to: "2026-11-08T05:00:00.000Z",
      previous_date_from: "2026-10-25T03:00:00.000Z",
      timezone: "America/New_York",
    });
  });

  it("reads date-times as instants, including a bound inside a quarter hour", async () => {
    // [15:05, 15:10) on 3 November holds the 15:07 call only; the period before holds nothing.
    const reply = await dashboard({ date_from: "2026-11-03T15:05:00Z", date_to: "2026-11-03T15:10:00Z" });
    expect(reply.json.data.summary).toEqual({ total_calls: 1, success_rate: 100, total_revenue: 50.5, active_campaigns: 1 });
    expect(reply.json.data.trends).toEqual({ calls_trend: null, success_rate_trend: null, revenue_trend: null });
  });

  it("defaults to the last 30 days up to now, calls of the last minutes included", async () => {
    const c = await createOrg();
    const id = await campaign(c, "Today");
    await addCall(c, id, new Date(Date.now() - 60_000).toISOString(), { answered: true, converted: true, revenue: 10 });
    await addCall(c, id, new Date(Date.now() - 31 * 86_400_000).toISOString());
    const reply = await dashboard({}, c.admin.token);
    expect(reply.json.data.summary).toEqual({ total_calls: 1, success_rate: 100, total_revenue: 10, active_campaigns: 0 });
    // One call in the period before and none answered: the calls trend is 0 %, the rate has no basis.
    expect(reply.json.data.trends).toEqual({ calls_trend: "+0.0%", success_rate_trend: "+100.0%", revenue_trend: null });
  });

  it("is empty, not zero-filled with claims, for an organization without calls", async () => {
    const empty = await createOrg();
    const reply = await dashboard({}, empty.admin.token);
    expect(reply.json.data.summary).toEqual({ total_calls: 0, success_rate: null, total_revenue: 0, active_campaigns: 0 });
    expect(reply.json.data.trends).toEqual({ calls_trend: null, success_rate_trend: null, revenue_trend: null });
    expect(reply.json.data.top_campaigns).toEqual([]);
  });

  it("works with an API key holding analytics.view", async () => {
    const key = await createApiKeyFor(a.manager, ["analytics.view"]);
    const reply = await call(dashboardRoute.GET, { path: "/api/analytics/dashboard", apiKey: key.secret, query: { date_from: "2026-11-01", date_to: "2026-11-07" } });
    expect(reply.json.data.summary.total_calls).toBe(6);
  });

  it("refuses agents and anonymous callers", async () => {
    expectError(await dashboard({}, a.agent.token), 403, "AUTH_003");
    expectError(await call(dashboardRoute.GET, { path: "/api/analytics/dashboard" }), 401, "AUTH_001");
  });

  it("rejects reversed, malformed and repeated bounds", async () => {
    expectError(await dashboard({ date_from: "2026-11-05", date_to: "2026-11-01" }), 400, "VALIDATION_003");
    expectError(await dashboard({ date_from: "yesterday" }), 400, "VALIDATION_002");
    expectError(await dashboard({ date_to: "1066-10-14" }), 400, "VALIDATION_003");
    expectError(await call(dashboardRoute.GET, { path: "/api/analytics/dashboard?date_from=2026-11-01&date_from=2026-11-02", token: a.manager.token }), 400, "VALIDATION_002");
  });
});
