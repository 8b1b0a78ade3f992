// GET /api/campaigns/{id}/leads says per lead whether its number is on the organization's active
// do-not-call list now — also for numbers listed after the import, which the import could not skip.
import { beforeAll, describe, expect, it } from "vitest";
import * as leadsRoute from "@/app/api/campaigns/[campaign_id]/leads/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as dncRoute from "@/app/api/dnc/route";
import { call } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

async function campaignWithLeads(phones: string[]) {
  const reply = await call(campaignsRoute.POST, {
    method: "POST",
    path: "/api/campaigns",
    token: a.admin.token,
    body: { name: "DNC flags", campaign_type: "survey" },
  });
  const campaignId = reply.json.data.campaign_id as string;
  const prisma = await db();
  await prisma.lead.createMany({
    data: phones.map((phone) => ({ id: newId("lead"), organizationId: a.org.id, campaignId, phone, timezone: "America/New_York" })),
  });
  return campaignId;
}

async function listLeads(campaignId: string, query: Record<string, string> = {}) {
  const reply = await call(leadsRoute.GET, {
    path: `/api/campaigns/${campaignId}/leads`,
    params: { campaign_id: campaignId },
    token: a.agent.token,
    query: { sort: "phone_number", order: "asc", ...query },
  });
  expect(reply.status).toBe(200);
  return reply.json.data as { phone_number: string; status: string; suppressed: boolean }[];
}

describe("GET /api/campaigns/{id}/leads suppressed", () => {
  it("marks leads whose number is on the active do-not-call list, added after the import", async () => {
    const id = await campaignWithLeads(["+12125550301", "+12125550302", "+12125550303", "+12125550304"]);
    expect((await listLeads(id)).map((l) => l.suppressed)).toEqual([false, false, false, false]);

    // Listed through the API, the way the dashboard does it (any accepted format).
    const added = await call(dncRoute.POST, {
      method: "POST",
      path: "/api/dnc",
      token: a.admin.token,
      body: { phone_number: "(212) 555-0301", reason: "Asked not to be called" },
    });
    expect(added.status).toBe(201);
    const prisma = await db();
    // Expired entries no longer count; another organization's list never does.
    await prisma.dncEntry.create({
      data: { id: newId("dnc"), organizationId: a.org.id, phone: "+12125550302", source: "manual", expiresAt: new Date(Date.now() - 60_000) },
    });
    await prisma.dncEntry.create({
      data: { id: newId("dnc"), organizationId: a.org.id, phone: "+12125550303", source: "manual", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await prisma.dncEntry.create({ data: { id: newId("dnc"), organizationId: b.org.id, phone: "+12125550304", source: "manual" } });

    const leads = await listLeads(id);
    expect(leads.map((l) => [l.phone_number, l.suppressed])).toEqual([
      ["+12125550301", true],
      ["+12125550302", false],
      ["+12125550303", true],
      ["+12125550304", false],
    ]);
    // The lead's own status is left as it was: the flag says why it will not be called.
    expect(leads[0]!.status).toBe("pending");
  });

  it("computes the flag for the page's rows (second page included)", async () => {
    const id = await campaignWithLeads(["+12125550311", "+12125550312", "+12125550313"]);
    const prisma = await db();
    await prisma.dncEntry.create({ data: { id: newId("dnc"), organizationId: a.org.id, phone: "+12125550313", source: "manual" } });
    const second = await listLeads(id, { page: "2", limit: "2" });
    expect(second).toEqual([expect.objectContaining({ phone_number: "+12125550313", suppressed: true })]);
  });
});
