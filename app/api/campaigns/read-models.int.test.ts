// campaign_stats and campaign_call_rollups (migration "campaign_read_models") must equal what an
// aggregate over leads and calls says, after every kind of write: Prisma inserts, updates and
// deletes, the import's COPY and INSERT … ON CONFLICT, a lead's or campaign's deletion. Each check
// recomputes the aggregate from the base tables in SQL (the path the reads no longer take) and
// compares it with the maintained rows; the API checks pin hand-computed values.
import { beforeAll, describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[campaign_id]/route";
import * as analyticsRoute from "@/app/api/campaigns/[campaign_id]/analytics/route";
import { call } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { bulkSql, db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { DEFAULT_SETTINGS } from "@/lib/campaigns/schemas";

let a: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
});

// Created in the database directly: these tests are about what happens to its leads and calls.
async function newCampaign(name: string, timezone = "America/New_York"): Promise<string> {
  const prisma = await db();
  const campaign = await prisma.campaign.create({
    data: {
      id: newId("campaign"),
      organizationId: a.org.id,
      name,
      campaignType: "survey",
      settings: { ...DEFAULT_SETTINGS, timezone },
      schedule: { start_date: null, end_date: null },
    },
  });
  return campaign.id;
}

type Status = "pending" | "contacted" | "converted" | "not_interested" | "callback" | "do_not_call";

async function addLeads(campaignId: string, statuses: Status[]): Promise<string[]> {
  const prisma = await db();
  const ids = statuses.map(() => newId("lead"));
  await prisma.lead.createMany({
    data: statuses.map((status, i) => ({
      id: ids[i]!,
      organizationId: a.org.id,
      campaignId,
      phone: `+1212555${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}${i}`,
      timezone: "America/New_York",
      status,
    })),
  });
  return ids;
}

type CallSpec = { at: string; answered?: boolean; converted?: boolean; cost?: string; revenue?: string; duration?: number; leadId?: string };

async function addCalls(campaignId: string, specs: CallSpec[]): Promise<string[]> {
  const prisma = await db();
  const ids = specs.map(() => newId("call"));
  await prisma.call.createMany({
    data: specs.map((s, i) => ({
      id: ids[i]!,
      organizationId: a.org.id,
      campaignId,
      leadId: s.leadId ?? null,
      phone: "+12125550199",
      status: s.answered ? "completed" : "no_answer",
      startedAt: new Date(s.at),
      answeredAt: s.answered ? new Date(s.at) : null,
      converted: s.converted ?? false,
      cost: s.cost ?? "0",
      revenue: s.revenue ?? "0",
      durationSeconds: s.duration ?? null,
    })),
  });
  return ids;
}

/** The maintained rows and the same figures aggregated from leads and calls, side by side. */
async function maintainedAndRecomputed(campaignId: string) {
  const prisma = await db();
  const [maintained] = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested, leads_callback,
           leads_do_not_call, calls_placed, calls_connected, calls_converted, call_duration_seconds::text AS duration,
           cost::numeric(18,4)::text AS cost, revenue::numeric(18,2)::text AS revenue
    FROM campaign_stats WHERE campaign_id = ${campaignId}`;
  const [recomputed] = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT l.*, c.* FROM
      (SELECT count(*)::int AS leads_total,
              count(*) FILTER (WHERE status = 'pending')::int AS leads_pending,
              count(*) FILTER (WHERE status = 'contacted')::int AS leads_contacted,
              count(*) FILTER (WHERE status = 'converted')::int AS leads_converted,
              count(*) FILTER (WHERE status = 'not_interested')::int AS leads_not_interested,
              count(*) FILTER (WHERE status = 'callback')::int AS leads_callback,
              count(*) FILTER (WHERE status = 'do_not_call')::int AS leads_do_not_call
       FROM leads WHERE campaign_id = ${campaignId}) l,
      (SELECT count(*)::int AS calls_placed, count(answered_at)::int AS calls_connected,
              count(*) FILTER (WHERE converted)::int AS calls_converted,
              coalesce(sum(duration_seconds), 0)::text AS duration,
              coalesce(sum(cost), 0)::numeric(18,4)::text AS cost, coalesce(sum(revenue), 0)::numeric(18,2)::text AS revenue
       FROM calls WHERE campaign_id = ${campaignId}) c`;
  const maintainedRollups = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT bucket_start, calls, connected, converted, duration_seconds::text AS duration,
           cost::numeric(18,4)::text AS cost, revenue::numeric(18,2)::text AS revenue
    FROM campaign_call_rollups WHERE campaign_id = ${campaignId} ORDER BY bucket_start`;
  const recomputedRollups = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket_start, count(*)::int AS calls,
           count(answered_at)::int AS connected, count(*) FILTER (WHERE converted)::int AS converted,
           coalesce(sum(duration_seconds), 0)::text AS duration,
           sum(cost)::numeric(18,4)::text AS cost, sum(revenue)::numeric(18,2)::text AS revenue
    FROM calls WHERE campaign_id = ${campaignId} GROUP BY 1 ORDER BY 1`;
  return { maintained, recomputed, maintainedRollups, recomputedRollups };
}

async function expectExact(campaignId: string) {
  const r = await maintainedAndRecomputed(campaignId);
  expect(r.maintained).toEqual(r.recomputed);
  expect(r.maintainedRollups).toEqual(r.recomputedRollups);
  return r;
}

describe("campaign counters and call rollups", () => {
  it("stay exact through inserts, status changes, call changes and deletions", async () => {
    const prisma = await db();
    const id = await newCampaign("Counters");
    const other = await newCampaign("Other");
    const leads = await addLeads(id, ["pending", "pending", "pending", "contacted", "callback"]);
    await addLeads(other, ["pending", "converted"]);
    const calls = await addCalls(id, [
      { at: "2026-11-02T15:00:00Z", answered: true, converted: true, cost: "1.2500", revenue: "20.00", duration: 120, leadId: leads[0] },
      { at: "2026-11-02T15:14:59Z", cost: "0.5000", duration: 0, leadId: leads[1] },
      { at: "2026-11-02T15:15:00Z", answered: true, cost: "0.7500", duration: 60 },
      { at: "2026-11-03T09:40:00Z" },
    ]);
    await addCalls(other, [{ at: "2026-11-02T15:00:00Z", answered: true, cost: "9.0000" }]);
    let r = await expectExact(id);
    // By hand: 5 leads (3 pending), 4 calls (2 answered, 1 converted), cost 2.50, revenue 20, 180 s.
    expect(r.maintained).toMatchObject({ leads_total: 5, leads_pending: 3, calls_placed: 4, calls_connected: 2, calls_converted: 1, duration: "180", cost: "2.5000", revenue: "20.00" });
    // 15:00 and 15:14:59 share a quarter hour; 15:15 starts the next one.
    expect(r.maintainedRollups.map((b) => [(b.bucket_start as Date).toISOString(), b.calls])).toEqual([
      ["2026-11-02T15:00:00.000Z", 2],
      ["2026-11-02T15:15:00.000Z", 1],
      ["2026-11-03T09:30:00.000Z", 1],
    ]);

    await prisma.lead.update({ where: { id: leads[0] }, data: { status: "converted" } });
    await prisma.lead.updateMany({ where: { id: { in: [leads[1]!, leads[2]!] } }, data: { status: "not_interested", attempts: 2 } });
    await prisma.lead.update({ where: { id: leads[3] }, data: { attempts: 3 } }); // no status change
    await expectExact(id);

    await prisma.call.update({ where: { id: calls[1] }, data: { answeredAt: new Date("2026-11-02T15:14:59Z"), converted: true, cost: "0.1234", revenue: "5.55" } });
    await prisma.call.update({ where: { id: calls[3] }, data: { startedAt: new Date("2026-11-04T10:00:00Z"), durationSeconds: 30 } }); // moves bucket
    await prisma.call.update({ where: { id: calls[2] }, data: { campaignId: other } }); // moves campaign
    await expectExact(id);
    await expectExact(other);

    await prisma.lead.delete({ where: { id: leads[1] } }); // its call keeps counting (lead_id set null)
    await prisma.call.delete({ where: { id: calls[0] } });
    r = await expectExact(id);
    expect(r.maintained).toMatchObject({ leads_total: 4, leads_pending: 0, calls_placed: 2 });
    expect(r.maintainedRollups).toHaveLength(2); // the emptied 15:00 bucket kept one call; 09:30 moved away
    await expectExact(other);

    await prisma.campaign.delete({ where: { id } });
    const gone = await maintainedAndRecomputed(id);
    expect(gone.maintained).toBeUndefined();
    expect(gone.maintainedRollups).toEqual([]);
    // The deleted campaign's calls now belong to no campaign; the other campaign is untouched.
    expect(await prisma.call.count({ where: { id: { in: calls }, campaignId: null } })).toBe(2);
    r = await expectExact(other);
    expect(r.maintained).toMatchObject({ leads_total: 2, calls_placed: 2 });
  });

  it("count rows written by COPY and by INSERT … ON CONFLICT, as the lead import writes them", async () => {
    const id = await newCampaign("Bulk");
    const bulk = await bulkSql();
    const rows = Array.from({ length: 500 }, (_, i) => `${newId("lead")}\t${a.org.id}\t${id}\t+1303555${String(i).padStart(4, "0")}\tAmerica/Denver\t${i % 5 === 0 ? "contacted" : "pending"}\n`);
    await bulk.transaction((tx) => tx.copyFrom("COPY leads (id, organization_id, campaign_id, phone, timezone, status) FROM STDIN", new TextEncoder().encode(rows.join(""))));
    let r = await expectExact(id);
    expect(r.maintained).toMatchObject({ leads_total: 500, leads_pending: 400, leads_contacted: 100 });
    // The update policy: a conflict updates the existing lead (here: back to pending), a new number is inserted.
    await bulk.transaction((tx) =>
      tx.query(
        `INSERT INTO leads (id, organization_id, campaign_id, phone, timezone, status)
         VALUES ($1, $3, $4, '+13035550000', 'America/Denver', 'pending'), ($2, $3, $4, '+13035559999', 'America/Denver', 'callback')
         ON CONFLICT (campaign_id, phone) DO UPDATE SET status = EXCLUDED.status`,
        [newId("lead"), newId("lead"), a.org.id, id],
      ),
    );
    r = await expectExact(id);
    expect(r.maintained).toMatchObject({ leads_total: 501, leads_pending: 401, leads_contacted: 99, leads_callback: 1 });
  });

  it("stay exact under concurrent writers (real contention on Postgres)", async () => {
    const prisma = await db();
    const id = await newCampaign("Concurrent");
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const leads = await addLeads(id, ["pending", "pending", "callback"]);
        await addCalls(id, [{ at: `2026-11-02T1${w}:00:00Z`, answered: w % 2 === 0, cost: "0.0100", leadId: leads[0] }]);
        await prisma.$transaction([
          prisma.lead.update({ where: { id: leads[0] }, data: { status: "contacted" } }),
          prisma.call.updateMany({ where: { leadId: leads[0] }, data: { converted: true, revenue: "1.00" } }),
        ]);
        if (w % 3 === 0) await prisma.lead.delete({ where: { id: leads[2] } });
      }),
    );
    const r = await expectExact(id);
    // 8 × 3 leads − 3 deleted (w = 0, 3, 6); 8 calls, 4 answered.
    expect(r.maintained).toMatchObject({ leads_total: 21, leads_contacted: 8, calls_placed: 8, calls_connected: 4, calls_converted: 8 });
  });

  it("feed the campaign's progress and performance (hand-computed)", async () => {
    const id = await newCampaign("Performance");
    await addLeads(id, ["pending", "contacted", "converted", "pending", "pending", "pending", "pending", "pending"]);
    await addCalls(id, [
      { at: "2026-11-02T15:00:00Z", answered: true, converted: true, cost: "0.1000", revenue: "1.00" },
      { at: "2026-11-02T15:01:00Z", answered: true, cost: "0.1000" },
      { at: "2026-11-02T15:02:00Z", answered: true, cost: "0.1000" },
      { at: "2026-11-02T15:03:00Z", cost: "0.0000" },
    ]);
    const reply = await call(campaignRoute.GET, { path: `/api/campaigns/${id}`, params: { campaign_id: id }, token: a.admin.token });
    // 2 of 8 contacted = 25 %; 3 of 4 answered = 75 %; 1 of 3 converted = 33.33 %; (1.00 − 0.30) / 0.30 = 2.333… → 2.33
    expect(reply.json.data.progress).toEqual({ total_prospects: 8, contacted: 2, progress_percentage: 25 });
    expect(reply.json.data.performance).toEqual({ success_rate: 75, conversion_rate: 33.33, roi: 2.33 });
    const list = await call(campaignsRoute.GET, { path: "/api/campaigns", token: a.admin.token, query: { search: "Performance" } });
    expect(list.json.data[0].performance).toEqual({ success_rate: 75, conversion_rate: 33.33, roi: 2.33 });
  });
});

describe("analytics from rollups", () => {
  const analytics = (id: string, query: Record<string, string>) =>
    call(analyticsRoute.GET, { path: `/api/campaigns/${id}/analytics`, params: { campaign_id: id }, token: a.admin.token, query });

  it("is exact in a half-hour zone (Asia/Kolkata, UTC+5:30)", async () => {
    const id = await newCampaign("Kolkata", "Asia/Kolkata");
    // Local midnight of Nov 3 is 2026-11-02T18:30Z: the first two calls are Nov 2 local, the last two Nov 3.
    await addCalls(id, [
      { at: "2026-11-02T18:00:00Z", answered: true },
      { at: "2026-11-02T18:29:59Z" },
      { at: "2026-11-02T18:30:00Z", answered: true, converted: true, cost: "0.5000", revenue: "3.00" },
      { at: "2026-11-02T18:44:00Z", answered: true },
    ]);
    const day = await analytics(id, { date_from: "2026-11-02", date_to: "2026-11-03", granularity: "day" });
    expect(day.json.data.time_series).toEqual([
      { timestamp: "2026-11-01T18:30:00Z", calls: 2, success_rate: 50 },
      { timestamp: "2026-11-02T18:30:00Z", calls: 2, success_rate: 100 },
    ]);
    expect(day.json.data.summary).toEqual({ total_calls: 4, success_rate: 75, conversion_rate: 33.33, total_cost: 0.5, revenue: 3 });
    const hour = await analytics(id, { date_from: "2026-11-02T17:30:00Z", date_to: "2026-11-02T19:30:00Z", granularity: "hour" });
    expect(hour.json.data.time_series.map((b: { timestamp: string; calls: number }) => [b.timestamp, b.calls])).toEqual([
      ["2026-11-02T17:30:00Z", 2],
      ["2026-11-02T18:30:00Z", 2],
    ]);
  });

  it("reads calls directly for the partial quarter hours at bounds off a quarter hour", async () => {
    const id = await newCampaign("Edges", "UTC");
    await addCalls(id, [
      { at: "2026-11-02T10:05:00Z" }, // before date_from
      { at: "2026-11-02T10:10:00Z", answered: true }, // head partial quarter
      { at: "2026-11-02T11:00:00Z", cost: "0.0100" }, // a whole quarter: from the rollups
      { at: "2026-11-02T12:50:00Z", answered: true }, // tail partial quarter
      { at: "2026-11-02T12:55:00Z" }, // at date_to: excluded
    ]);
    const reply = await analytics(id, { date_from: "2026-11-02T10:07:00Z", date_to: "2026-11-02T12:55:00Z", granularity: "hour" });
    expect(reply.json.data.time_series.map((b: { timestamp: string; calls: number; success_rate: number }) => [b.timestamp, b.calls, b.success_rate])).toEqual([
      ["2026-11-02T10:00:00Z", 1, 100],
      ["2026-11-02T11:00:00Z", 1, 0],
      ["2026-11-02T12:00:00Z", 1, 100],
    ]);
    expect(reply.json.data.summary).toEqual({ total_calls: 3, success_rate: 66.67, conversion_rate: 0, total_cost: 0.01, revenue: 0 });
    // Both bounds inside one quarter hour.
    const inner = await analytics(id, { date_from: "2026-11-02T10:06:00Z", date_to: "2026-11-02T10:11:00Z", granularity: "hour" });
    expect(inner.json.data.summary.total_calls).toBe(1);
  });
});
