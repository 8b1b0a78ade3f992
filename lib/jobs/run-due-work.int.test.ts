// The job runner against a real database (PGlite, and Postgres for the concurrency test): retries
// with backoff, dead after max attempts, lease expiry, fencing of a taken-over job, the budget,
// singleton keys, periodic maintenance, transactional enqueue and shutdown.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { backoffMs, runDueWork } from "@/lib/jobs/run-due-work";
import { enqueue } from "@/lib/jobs/enqueue";
import { ensurePeriodicJobs, forgetEnsuredPeriods, PERIODIC_JOBS } from "@/lib/jobs/periodic";
import type { JobKind } from "@/lib/jobs/registry";
import type * as Registry from "@/lib/jobs/registry";
import { shutdownSignal } from "@/lib/jobs/shutdown";
import { createOrg } from "@/lib/testing/factories";

const state = vi.hoisted(() => ({
  runs: new Map<string, number>(),
  onRun: null as null | ((jobId: string, signal: AbortSignal) => Promise<void>),
}));

// Test-only kinds beside the real ones; everything else about the registry is unchanged.
vi.mock("@/lib/jobs/registry", async (importOriginal) => {
  const actual = await importOriginal<typeof Registry>();
  const { defineJob } = await import("@/lib/jobs/define-job");
  const { z: zod } = await import("zod");
  const payload = zod.object({ n: zod.number().int() });
  const count = (id: string) => state.runs.set(id, (state.runs.get(id) ?? 0) + 1);
  const tests = [
    defineJob("test.ok", payload, async (_p, job, signal) => {
      count(job.id);
      await state.onRun?.(job.id, signal);
    }),
    defineJob("test.fail", payload, async (p, job) => {
      count(job.id);
      throw new Error(`boom ${p.n} on attempt ${job.attempt}`);
    }, { maxAttempts: 3, backoffMs: 1_000 }),
    defineJob("test.short_lease", payload, async (_p, job, signal) => {
      count(job.id);
      await state.onRun?.(job.id, signal);
    }, { leaseMs: 150 }),
  ];
  const byKind = new Map(tests.map((t) => [t.kind as string, t]));
  return { ...actual, jobDefinition: (kind: string) => byKind.get(kind) ?? actual.jobDefinition(kind) };
});

// The test kinds are not in JobKind (the registry's type); they go through the same enqueue.
const testKind = (kind: string) => kind as JobKind;
const add = async (kind: string, n: number, extra: { singletonKey?: string; runAt?: Date; organizationId?: string | null } = {}) => {
  const prisma = await db();
  return prisma.$transaction((tx) =>
    enqueue(tx, { kind: testKind(kind), payload: { n } as never, organizationId: extra.organizationId ?? null, singletonKey: extra.singletonKey, runAt: extra.runAt }),
  );
};
const jobRow = async (id: string) => (await db()).job.findUniqueOrThrow({ where: { id } });
// These tests look only at their own kinds: no maintenance jobs in the queue, none scheduled by ticks.
const onlyTests = async () => {
  const prisma = await db();
  await prisma.job.deleteMany({ where: { kind: { startsWith: "maintenance." } } });
};
const tick = (budgetMs: number, options: Parameters<typeof runDueWork>[1] = {}) => runDueWork(budgetMs, { maintenance: false, ...options });

afterAll(() => {
  state.onRun = null;
});

describe("backoff", () => {
  it("doubles per attempt, with half of each delay random, capped at an hour", () => {
    expect(backoffMs(1, 1000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, () => 0)).toBe(2000);
    expect(backoffMs(3, 1000, () => 1)).toBe(4000);
    expect(backoffMs(40, 1000, () => 1)).toBe(3_600_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4, 1000)));
    expect(spread.size).toBeGreaterThan(10);
  });
});

describe("runDueWork", () => {
  it("runs a queued job once and marks it done", async () => {
    const id = (await add("test.ok", 1))!;
    await onlyTests();
    expect(await tick(10_000)).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 1, lockedBy: null, lockedUntil: null, finishedAt: expect.any(Date) });
    expect(state.runs.get(id)).toBe(1);
    expect((await tick(10_000)).claimed).toBe(0);
  });

  it("waits for run_at", async () => {
    const t0 = new Date();
    const id = (await add("test.ok", 2, { runAt: new Date(t0.getTime() + 60_000) }))!;
    await onlyTests();
    expect((await tick(10_000, { now: () => t0 })).claimed).toBe(0);
    expect((await tick(10_000, { now: () => new Date(t0.getTime() + 61_000) })).done).toBe(1);
    expect((await jobRow(id)).state).toBe("done");
  });

  it("retries a failing job with backoff, then leaves it dead with its last error", async () => {
    const t0 = new Date(Date.now() + 3_600_000);
    const id = (await add("test.fail", 7))!;
    await onlyTests();
    expect(await tick(10_000, { now: () => t0 })).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    const first = await jobRow(id);
    expect(first).toMatchObject({ state: "queued", attempts: 1, lastError: "Error: boom 7 on attempt 1", lockedBy: null });
    const delay = first.runAt.getTime() - t0.getTime();
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThanOrEqual(1000);
    // Not due again before its backoff has passed.
    expect((await tick(10_000, { now: () => new Date(t0.getTime() + 400) })).claimed).toBe(0);
    const t1 = new Date(t0.getTime() + 1_000);
    expect((await tick(10_000, { now: () => t1 })).retried).toBe(1);
    const second = await jobRow(id);
    expect(second.runAt.getTime() - t1.getTime()).toBeGreaterThanOrEqual(1000); // 2 s ± jitter
    const t2 = new Date(t1.getTime() + 2_000);
    expect(await tick(10_000, { now: () => t2 })).toEqual({ claimed: 1, done: 0, retried: 0, dead: 1 });
    expect(await jobRow(id)).toMatchObject({ state: "dead", attempts: 3, lastError: "Error: boom 7 on attempt 3", finishedAt: t2 });
    expect(state.runs.get(id)).toBe(3);
    expect((await tick(10_000, { now: () => new Date(t2.getTime() + 86_400_000) })).claimed).toBe(0);
  });

  it("refuses a payload its schema rejects: dead at once, without running", async () => {
    const prisma = await db();
    const bad = await prisma.job.create({ data: { id: "job_badpayload", kind: "test.ok", payload: { n: "x" } } });
    await onlyTests();
    expect((await tick(10_000)).dead).toBe(1);
    expect(await jobRow(bad.id)).toMatchObject({ state: "dead", lastError: expect.stringContaining("Invalid payload") });
    expect(state.runs.get(bad.id)).toBeUndefined();
  });

  it("claims again a job whose lease expired (its instance crashed)", async () => {
    const id = (await add("test.ok", 3))!;
    const prisma = await db();
    await prisma.job.update({ where: { id }, data: { state: "running", attempts: 1, lockedBy: "crashed", lockedUntil: new Date(Date.now() + 30_000) } });
    await onlyTests();
    expect((await tick(10_000)).claimed).toBe(0); // its lease still holds
    expect(await tick(10_000, { now: () => new Date(Date.now() + 31_000), workerId: "survivor" })).toMatchObject({ claimed: 1, done: 1 });
    expect(await jobRow(id)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("gives up on a job whose last attempt's lease expired", async () => {
    const id = (await add("test.ok", 4))!;
    const prisma = await db();
    await prisma.job.update({ where: { id }, data: { state: "running", attempts: 5, maxAttempts: 5, lockedBy: "crashed", lockedUntil: new Date(Date.now() - 1000) } });
    await onlyTests();
    expect((await tick(10_000)).dead).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: "dead", lastError: expect.stringContaining("lease expired") });
    expect(state.runs.get(id)).toBeUndefined();
  });

  it("does not let a job whose lease was taken over complete, and aborts its signal", async () => {
    const id = (await add("test.short_lease", 5))!;
    await onlyTests();
    const prisma = await db();
    let aborted = false;
    state.onRun = async (jobId, signal) => {
      if (jobId !== id) return;
      // Another runner re-claims it (as after an expired lease): a new holder and attempt.
      await prisma.job.update({ where: { id }, data: { lockedBy: "other-runner", attempts: 2, lockedUntil: new Date(Date.now() + 60_000) } });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        signal.addEventListener("abort", () => {
          aborted = true;
          clearTimeout(timer);
          resolve();
        });
      });
    };
    try {
      expect(await tick(10_000, { workerId: "first-runner" })).toEqual({ claimed: 1, done: 0, retried: 0, dead: 0 });
    } finally {
      state.onRun = null;
    }
    expect(aborted).toBe(true); // the heartbeat noticed the lost lease
    expect(await jobRow(id)).toMatchObject({ state: "running", lockedBy: "other-runner", attempts: 2, finishedAt: null });
  });

  it("stops claiming when its budget is spent and leaves the rest for the next tick", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => add("test.ok", 100 + i)));
    await onlyTests();
    state.onRun = () => new Promise((resolve) => setTimeout(resolve, 120));
    try {
      const first = await tick(200, { concurrency: 1 });
      expect(first.claimed).toBeGreaterThanOrEqual(1);
      expect(first.claimed).toBeLessThanOrEqual(3);
      const prisma = await db();
      expect(await prisma.job.count({ where: { id: { in: ids as string[] }, state: "queued" } })).toBe(6 - first.claimed);
      const rest = await tick(60_000, { concurrency: 2 });
      expect(rest.done).toBe(6 - first.claimed);
    } finally {
      state.onRun = null;
    }
  });

  it("dedupes by singleton key among unfinished jobs only", async () => {
    const first = await add("test.ok", 8, { singletonKey: "import:x" });
    expect(first).toMatch(/^job_/);
    expect(await add("test.ok", 9, { singletonKey: "import:x" })).toBeNull();
    await onlyTests();
    await tick(10_000);
    expect((await jobRow(first!)).state).toBe("done");
    expect(await add("test.ok", 10, { singletonKey: "import:x" })).toMatch(/^job_/); // the first one finished
  });

  it("creates each period's maintenance jobs once, and they run", async () => {
    const prisma = await db();
    await prisma.job.deleteMany({ where: { OR: [{ kind: { startsWith: "maintenance." } }, { kind: "calls.reconcile" }] } });
    forgetEnsuredPeriods();
    const now = new Date("2031-06-01T10:30:00Z");
    expect(await ensurePeriodicJobs(now)).toBe(PERIODIC_JOBS.length);
    forgetEnsuredPeriods(); // as another instance would, with its own memory
    expect(await ensurePeriodicJobs(new Date("2031-06-01T10:30:59Z"))).toBe(0);
    const result = await runDueWork(30_000, { now: () => now });
    expect(result.done).toBeGreaterThanOrEqual(PERIODIC_JOBS.length);
    expect(await prisma.job.count({ where: { OR: [{ kind: { startsWith: "maintenance." } }, { kind: "calls.reconcile" }], state: "done" } })).toBe(PERIODIC_JOBS.length);
    forgetEnsuredPeriods();
    // Done jobs still count: the same period is not scheduled again; the next one is.
    expect(await ensurePeriodicJobs(new Date("2031-06-01T10:30:30Z"))).toBe(0);
    expect(await ensurePeriodicJobs(new Date("2031-06-01T10:45:00Z"))).toBe(1); // the call reconciler's next minute
    expect(await ensurePeriodicJobs(new Date("2031-06-01T11:00:00Z"))).toBe(3); // the two hourly ones and the reconciler
  });

  it("purges expired idempotency records and long-dead sessions in maintenance", async () => {
    const org = await createOrg();
    const prisma = await db();
    await prisma.idempotencyRecord.create({
      data: { id: "idem_expired", scope: "s", organizationId: org.org.id, key: "k", method: "POST", path: "/x", requestHash: "h", expiresAt: new Date(Date.now() - 1000) },
    });
    await prisma.idempotencyRecord.create({
      data: { id: "idem_live", scope: "s", organizationId: org.org.id, key: "k2", method: "POST", path: "/x", requestHash: "h", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await prisma.authSession.create({ data: { id: "ses_old", organizationId: org.org.id, userId: org.admin.id, expiresAt: new Date(Date.now() - 40 * 86_400_000) } });
    await prisma.authSession.create({ data: { id: "ses_recent", organizationId: org.org.id, userId: org.admin.id, expiresAt: new Date(Date.now() - 86_400_000) } });
    await prisma.job.deleteMany({ where: { kind: { startsWith: "maintenance." } } });
    forgetEnsuredPeriods();
    await runDueWork(30_000);
    expect(await prisma.idempotencyRecord.findMany({ where: { id: { in: ["idem_expired", "idem_live"] } }, select: { id: true } })).toEqual([{ id: "idem_live" }]);
    expect(await prisma.authSession.findMany({ where: { id: { in: ["ses_old", "ses_recent"] } }, select: { id: true } })).toEqual([{ id: "ses_recent" }]);
  });

  it("enqueues with the caller's transaction: a rollback takes the job with it", async () => {
    const prisma = await db();
    const before = await prisma.job.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueue(tx, { kind: testKind("test.ok"), payload: { n: 11 } as never, organizationId: null });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.job.count()).toBe(before);
  });

  it.runIf(process.env.TEST_DATABASE === "postgres")("never gives one job to two runners claiming at once (Postgres)", async () => {
    await onlyTests();
    const prisma = await db();
    await prisma.job.deleteMany({ where: { state: "queued" } });
    const ids = (await Promise.all(Array.from({ length: 24 }, (_, i) => add("test.ok", 200 + i)))) as string[];
    state.onRun = () => new Promise((resolve) => setTimeout(resolve, 15));
    try {
      const [x, y] = await Promise.all([
        tick(30_000, { workerId: "runner-a", concurrency: 2 }),
        tick(30_000, { workerId: "runner-b", concurrency: 2 }),
      ]);
      expect(x.claimed + y.claimed).toBe(24);
      expect(x.claimed).toBeGreaterThan(0);
      expect(y.claimed).toBeGreaterThan(0);
      expect(x.done + y.done).toBe(24);
      for (const id of ids) expect(state.runs.get(id)).toBe(1);
    } finally {
      state.onRun = null;
    }
  });

  it("stops running jobs at the hard stop and requeues them for the next invocation", async () => {
    const id = (await add("test.ok", 13))!;
    await onlyTests();
    let stopped = false;
    state.onRun = (jobId, signal) =>
      new Promise<void>((resolve) => {
        if (jobId !== id) return resolve();
        const timer = setTimeout(resolve, 5_000);
        signal.addEventListener("abort", () => {
          stopped = true;
          clearTimeout(timer);
          resolve();
        });
      });
    try {
      expect(await tick(10_000, { hardStopMs: 150 })).toEqual({ claimed: 1, done: 0, retried: 0, dead: 0 });
    } finally {
      state.onRun = null;
    }
    expect(stopped).toBe(true);
    expect(await jobRow(id)).toMatchObject({ state: "queued", attempts: 0, lockedBy: null });
    expect(await tick(10_000)).toMatchObject({ claimed: 1, done: 1 });
  });

  // Last: it aborts this process's shutdown signal for good.
  it("on shutdown stops the running job at its safe point and returns it to the queue, attempt not counted", async () => {
    const id = (await add("test.ok", 12))!;
    await onlyTests();
    state.onRun = async (jobId, signal) => {
      if (jobId !== id) return;
      (globalThis as typeof globalThis & { __vocelioShutdown?: AbortController }).__vocelioShutdown!.abort();
      expect(signal.aborted).toBe(true);
    };
    shutdownSignal();
    try {
      expect(await tick(10_000)).toEqual({ claimed: 1, done: 0, retried: 0, dead: 0 });
    } finally {
      state.onRun = null;
    }
    expect(await jobRow(id)).toMatchObject({ state: "queued", attempts: 0, lockedBy: null });
    expect((await tick(10_000)).claimed).toBe(0); // a stopping instance claims nothing more
  });
});

