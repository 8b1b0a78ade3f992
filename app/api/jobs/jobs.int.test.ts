import { beforeAll, describe, expect, it } from "vitest";
import * as jobsRoute from "@/app/api/jobs/route";
import * as retryRoute from "@/app/api/jobs/[job_id]/retry/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { runAllDueWork } from "@/lib/testing/jobs";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
  const prisma = await db();
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const make = async (name: string, organizationId: string | null, data: { kind?: string; state: "queued" | "running" | "done" | "dead"; createdAt: Date; lastError?: string; attempts?: number }) => {
    ids[name] = newId("job");
    // The lead import payload names an import that does not exist: a retried job runs and finds nothing to do.
    await prisma.job.create({
      data: { id: ids[name]!, organizationId, kind: data.kind ?? "lead_import", payload: { import_id: `import_${name}` }, state: data.state, attempts: data.attempts ?? 1, lastError: data.lastError ?? null, createdAt: data.createdAt, runAt: data.createdAt },
    });
  };
  await make("oldDone", a.org.id, { state: "done", createdAt: at(30) });
  await make("dead", a.org.id, { state: "dead", createdAt: at(20), attempts: 5, lastError: "Error: connection refused" });
  await make("queued", a.org.id, { state: "queued", createdAt: at(10) });
  await make("otherKind", a.org.id, { kind: "maintenance.purge_idempotency", state: "done", createdAt: at(5) });
  await make("theirs", b.org.id, { state: "dead", createdAt: at(1), lastError: "Error: theirs" });
  await make("system", null, { kind: "maintenance.purge_sessions", state: "dead", createdAt: at(2) });
});

const list = (query: Record<string, string> = {}, token = a.admin.token) => call(jobsRoute.GET, { path: "/api/jobs", token, query });
const retry = (jobId: string, token = a.admin.token) =>
  call(retryRoute.POST, { method: "POST", path: `/api/jobs/${jobId}/retry`, params: { job_id: jobId }, token });

describe("GET /api/jobs", () => {
  it("lists the organization's jobs newest first, paginated, filtered by state and kind", async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.json.data.map((j: { job_id: string }) => j.job_id)).toEqual([ids.otherKind, ids.queued, ids.dead, ids.oldDone]);
    expect(all.json.data[2]).toMatchObject({ kind: "lead_import", state: "dead", attempts: 5, max_attempts: 5, last_error: "Error: connection refused", payload: { import_id: "import_dead" }, finished_at: null });
    const page = await list({ limit: "2", page: "2" });
    expect(page.json.pagination).toMatchObject({ page: 2, limit: 2, total: 4, pages: 2, has_next: false, has_prev: true });
    expect(page.json.data.map((j: { job_id: string }) => j.job_id)).toEqual([ids.dead, ids.oldDone]);
    expect((await list({ state: "dead" })).json.data.map((j: { job_id: string }) => j.job_id)).toEqual([ids.dead]);
    expect((await list({ kind: "lead_import", order: "asc" })).json.data.map((j: { job_id: string }) => j.job_id)).toEqual([ids.oldDone, ids.dead, ids.queued]);
    // Another organization sees only its own; system-wide maintenance is nobody's.
    expect((await list({}, b.admin.token)).json.data.map((j: { job_id: string }) => j.job_id)).toEqual([ids.theirs]);
  });

  it("validates its query", async () => {
    const bad = await list({ state: "exploded" });
    expectError(bad, 400, "VALIDATION_002");
    expect(errorFields(bad)).toEqual({ state: "VALIDATION_002" });
    expectError(await list({ limit: "0" }), 400, "VALIDATION_003");
    expectError(await list({ sort: "kind" }), 400, "VALIDATION_002");
  });

  it("is for admins only", async () => {
    expectError(await list({}, a.manager.token), 403, "AUTH_003");
    expectError(await list({}, a.agent.token), 403, "AUTH_003");
  });
});

describe("POST /api/jobs/{id}/retry", () => {
  it("puts a dead job back in the queue with its attempts reset, and it runs", async () => {
    const reply = await retry(ids.dead!);
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ job_id: ids.dead, state: "queued", attempts: 0, finished_at: null, last_error: "Error: connection refused" });
    const prisma = await db();
    expect(await prisma.auditLog.count({ where: { organizationId: a.org.id, action: "jobs.retried", targetId: ids.dead } })).toBe(1);
    await runAllDueWork();
    expect(await prisma.job.findUniqueOrThrow({ where: { id: ids.dead! } })).toMatchObject({ state: "done", attempts: 1 });
  });

  it("refuses jobs that are not dead", async () => {
    const refused = expectError(await retry(ids.oldDone!), 409, "RESOURCE_003");
    expect(refused.details).toMatchObject({ state: "done" });
    expectError(await retry(ids.queued!), 409, "RESOURCE_003");
  });

  it("does not find another organization's job or a system job, and is for admins only", async () => {
    expectError(await retry(ids.theirs!), 404, "RESOURCE_001");
    expectError(await retry(ids.system!), 404, "RESOURCE_001");
    expectError(await retry("job_doesnotexist"), 404, "RESOURCE_001");
    expectError(await retry(ids.theirs!, a.manager.token), 403, "AUTH_003");
    expectError(await retry(ids.theirs!, a.agent.token), 403, "AUTH_003");
    const prisma = await db();
    expect((await prisma.job.findUniqueOrThrow({ where: { id: ids.theirs! } })).state).toBe("dead");
  });
});
