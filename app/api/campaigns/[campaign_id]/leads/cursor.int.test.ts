// Cursor (keyset) pagination of leads and campaigns: a walk visits every row exactly once while rows
// are being inserted, totals come from the counters, bad cursors are VALIDATION_002 and another
// organization's campaign stays "not found".
import { beforeAll, describe, expect, it } from "vitest";
import * as leadsRoute from "@/app/api/campaigns/[campaign_id]/leads/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import { call, expectError, type ApiReply } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { DEFAULT_SETTINGS, type CampaignStatus } from "@/lib/campaigns/schemas";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

type Org = Awaited<ReturnType<typeof createOrg>>;
type Pagination = NonNullable<ApiReply["json"]["pagination"]> & { next_cursor?: string | null };

async function newCampaign(org: Org, name: string, status: CampaignStatus = "draft"): Promise<string> {
  const prisma = await db();
  const campaign = await prisma.campaign.create({
    data: {
      id: newId("campaign"),
      organizationId: org.org.id,
      name,
      status,
      campaignType: "survey",
      settings: { ...DEFAULT_SETTINGS, timezone: "America/New_York" },
      schedule: { start_date: null, end_date: null },
    },
  });
  return campaign.id;
}

let phoneSeq = 0;
async function addLeads(campaignId: string, count: number, options: { status?: "pending" | "callback"; phones?: string[]; firstName?: string } = {}) {
  const prisma = await db();
  const data = Array.from({ length: count }, (_, i) => ({
    id: newId("lead"),
    organizationId: a.org.id,
    campaignId,
    phone: options.phones?.[i] ?? `+1303555${String(phoneSeq++).padStart(4, "0")}`,
    timezone: "America/Denver",
    status: options.status ?? "pending",
    firstName: options.firstName ?? null,
  }));
  await prisma.lead.createMany({ data });
  return data.map((d) => d.id);
}

const listLeads = (campaignId: string, query: Record<string, string>, token = a.admin.token) =>
  call(leadsRoute.GET, { path: `/api/campaigns/${campaignId}/leads`, params: { campaign_id: campaignId }, token, query });

async function walk(campaignId: string, query: Record<string, string>, between: (page: number) => Promise<unknown> = async () => undefined) {
  const seen: string[] = [];
  const totals: number[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < 200; page++) {
    // Writers run while the page is read, not only between pages.
    const [reply] = await Promise.all([listLeads(campaignId, { ...query, ...(cursor ? { cursor } : {}) }), between(page)]);
    expect(reply.status).toBe(200);
    const pagination = reply.json.pagination as Pagination;
    seen.push(...(reply.json.data as { lead_id: string }[]).map((l) => l.lead_id));
    totals.push(pagination.total);
    expect(pagination.has_next).toBe(pagination.next_cursor !== null);
    cursor = pagination.next_cursor;
    if (!cursor) break;
  }
  return { seen, totals };
}

describe("GET /api/campaigns/{id}/leads with cursor", () => {
  it("visits every lead exactly once, newest first, while leads are inserted", async () => {
    const id = await newCampaign(a, "Walk");
    // Two bulk statements: many rows share created_at, so the id tie-breaker is exercised.
    const original = [...(await addLeads(id, 30)), ...(await addLeads(id, 23))];
    const { seen, totals } = await walk(id, { limit: "7" }, (page) => addLeads(id, page < 5 ? 2 : 0));
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    expect(seen.filter((s) => original.includes(s)).sort()).toEqual([...original].sort()); // every original once
    expect(totals[0]).toBeGreaterThanOrEqual(53); // from the counters, which include rows inserted meanwhile
    expect(totals.at(-1)).toBe(63);
  });

  it("walks oldest first and by phone number, picking up rows inserted ahead of the cursor", async () => {
    const id = await newCampaign(a, "Walk asc");
    const original = await addLeads(id, 25);
    const asc = await walk(id, { limit: "6", order: "asc" }, (page) => (page === 1 ? addLeads(id, 3) : Promise.resolve()));
    expect(new Set(asc.seen).size).toBe(asc.seen.length);
    expect(asc.seen.length).toBe(28); // the 3 inserted during the walk sort after the cursor: seen once
    expect(asc.seen.slice(0, 25).sort()).toEqual([...original].sort());

    const phoneWalk = await walk(id, { limit: "5", sort: "phone_number", order: "asc" }, (page) =>
      page === 2 ? addLeads(id, 2, { phones: ["+10000000000", "+19999999999"] }) : Promise.resolve(),
    );
    const phones = (await (await db()).lead.findMany({ where: { campaignId: id }, orderBy: { phone: "asc" } })).map((l) => l.id);
    expect(new Set(phoneWalk.seen).size).toBe(phoneWalk.seen.length);
    // The number sorting before the cursor is not visited (it is behind), the one after it is.
    expect(phoneWalk.seen).toEqual(phones.filter((p) => p !== phones[0]));
  });

  it("takes totals from the counters, filters by status, and counts a search once per walk", async () => {
    const id = await newCampaign(a, "Totals");
    await addLeads(id, 12);
    await addLeads(id, 5, { status: "callback", firstName: "Ada" });
    const first = await listLeads(id, { limit: "2", status: "callback" });
    expect(first.json.pagination).toMatchObject({ page: 1, total: 5, pages: 3, has_next: true, has_prev: false });
    const second = await listLeads(id, { limit: "2", status: "callback", cursor: (first.json.pagination as Pagination).next_cursor! });
    expect(second.json.pagination).toMatchObject({ total: 5, has_next: true, has_prev: true });
    expect(second.json.data.every((l: { status: string }) => l.status === "callback")).toBe(true);

    const search = await listLeads(id, { limit: "4", search: "ada" });
    expect(search.json.pagination).toMatchObject({ total: 5, has_next: true });
    await addLeads(id, 1, { firstName: "Ada" });
    const next = await listLeads(id, { limit: "4", search: "ada", cursor: (search.json.pagination as Pagination).next_cursor! });
    // The count made on the first page travels with the walk (the lead added since is newer, so it
    // sorts before the cursor and this walk does not reach it).
    expect(next.json.pagination).toMatchObject({ total: 5, has_next: false, next_cursor: null });
    expect(next.json.data).toHaveLength(1);
    // page/limit is unchanged: an exact count on every page.
    expect((await listLeads(id, { limit: "4", search: "ada", page: "2" })).json.pagination).toMatchObject({ page: 2, total: 6, pages: 2, has_next: false, has_prev: true });
  });

  it("answers bad cursors with VALIDATION_002 and another organization's campaign with 404", async () => {
    const id = await newCampaign(a, "Bad cursors");
    await addLeads(id, 3);
    const good = ((await listLeads(id, { limit: "1" })).json.pagination as Pagination).next_cursor!;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const bad = [
      "not a cursor!",
      Buffer.from("hello").toString("base64url"),
      encode({ sort: "created_at" }),
      encode(["created_at", "desc", "not a date", "lead_x"]),
      encode(["created_at", "desc", "2026-01-01T00:00:00.000Z", ""]),
      encode(["created_at", "desc", "2026-01-01T00:00:00.000Z", "lead_x", -1]),
      encode(["created_at", "desc", "2026-01-01T00:00:00.000Z", "x".repeat(65)]),
      "x".repeat(1025),
    ];
    for (const cursor of bad) expectError(await listLeads(id, { cursor }), 400, "VALIDATION_002");
    expectError(await listLeads(id, { cursor: good, order: "asc" }), 400, "VALIDATION_002"); // made for another order
    expectError(await listLeads(id, { cursor: good, sort: "phone_number" }), 400, "VALIDATION_002");
    expectError(await listLeads(id, { cursor: good, page: "2" }), 400, "VALIDATION_002");
    const status = ((await listLeads(id, { limit: "1", sort: "status" })).json.pagination as Pagination).next_cursor;
    expect(status).toBeNull(); // sorts without a keyset index offer no cursor…
    expectError(await listLeads(id, { sort: "status", cursor: encode(["status", "desc", "pending", "lead_x"]) }), 400, "VALIDATION_002"); // …nor take one
    expect((await listLeads(id, { cursor: good })).status).toBe(200);
    expectError(await listLeads(id, { cursor: good }, b.admin.token), 404, "RESOURCE_001");
  });
});

describe("GET /api/campaigns with cursor", () => {
  it("visits each of the organization's campaigns once, in every sort", async () => {
    const org = await createOrg();
    const statuses: CampaignStatus[] = ["draft", "active", "paused", "completed", "cancelled"];
    const ids = new Set<string>();
    for (let i = 0; i < 13; i++) ids.add(await newCampaign(org, `Campaign ${String.fromCharCode(65 + (i % 4))}`, statuses[i % 5]));
    await newCampaign(b, "Not yours");
    for (const [sort, order] of [["created_at", "desc"], ["name", "asc"], ["status", "desc"], ["status", "asc"], ["updated_at", "asc"]] as const) {
      const seen: string[] = [];
      const paged: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const query: Record<string, string> = { limit: "4", sort, order, ...(cursor ? { cursor } : {}) };
        const reply: ApiReply = await call(campaignsRoute.GET, { path: "/api/campaigns", token: org.admin.token, query });
        expect(reply.status).toBe(200);
        expect(reply.json.pagination?.total).toBe(13);
        seen.push(...(reply.json.data as { campaign_id: string }[]).map((c) => c.campaign_id));
        cursor = (reply.json.pagination as Pagination).next_cursor ?? null;
        if (!cursor) break;
      }
      for (let page = 1; page <= 4; page++) {
        const reply = await call(campaignsRoute.GET, { path: "/api/campaigns", token: org.admin.token, query: { limit: "4", sort, order, page: String(page) } });
        paged.push(...(reply.json.data as { campaign_id: string }[]).map((c) => c.campaign_id));
      }
      expect({ sort, order, seen }).toEqual({ sort, order, seen: paged }); // the same order as page/limit
      expect(new Set(seen)).toEqual(ids);
    }
    expectError(await call(campaignsRoute.GET, { path: "/api/campaigns", token: org.admin.token, query: { cursor: "e30" } }), 400, "VALIDATION_002");
  });
});
