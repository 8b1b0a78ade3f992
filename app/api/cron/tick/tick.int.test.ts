// GET /api/cron/tick: refused without the scheduler's secret, and with it runs due work.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as tickRoute from "@/app/api/cron/tick/route";
import { call, expectError } from "@/lib/testing/api";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { newId } from "@/lib/ids";

afterEach(() => vi.unstubAllEnvs());

describe("GET /api/cron/tick", () => {
  it("is refused without the secret and runs due work with it", async () => {
    vi.stubEnv("CRON_SECRET", "tick-secret-0123456789abcdef");
    const prisma = await db();
    // An expired idempotency record and a job due to purge it.
    await prisma.idempotencyRecord.create({
      data: { id: newId("idempotency"), scope: "public:/x", key: "old", method: "POST", path: "/x", requestHash: "h", expiresAt: new Date(Date.now() - 1000) },
    });
    const jobId = await prisma.$transaction((tx) => enqueue(tx, { kind: "maintenance.purge_idempotency", payload: {}, organizationId: null }));

    expectError(await call(tickRoute.GET, { path: "/api/cron/tick" }), 401, "AUTH_001");
    expect(await prisma.job.findUniqueOrThrow({ where: { id: jobId! } })).toMatchObject({ state: "queued" });

    const reply = await call(tickRoute.GET, { path: "/api/cron/tick", headers: { authorization: "Bearer tick-secret-0123456789abcdef" } });
    expect(reply.status).toBe(200);
    expect(reply.json.data.claimed).toBeGreaterThanOrEqual(1);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: jobId! } })).toMatchObject({ state: "done" });
    expect(await prisma.idempotencyRecord.count({ where: { key: "old" } })).toBe(0);
  });

  it("answers other methods with 405", async () => {
    expectError(await call(tickRoute.DELETE, { method: "DELETE", path: "/api/cron/tick" }), 405, "REQUEST_001");
  });
});
