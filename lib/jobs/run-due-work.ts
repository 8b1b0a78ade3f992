import "server-only";
// Durable work: jobs are rows in Postgres (or the embedded PGlite), not promises. This small module
// rather than pg-boss/graphile-worker: pg-boss ≥ 11 needs Node 22 and keeps jobs in its own schema with no organization column,
// and both run as long-lived processes with timers (graphile-worker needs a pg Pool, PGlite only via pglite-socket), where we need a bounded tick.
//
// runDueWork is the one tick: it makes sure the periodic maintenance jobs exist, then claims due jobs
// one at a time per lane (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING), so
// runners on several instances never take the same row. A claim is a lease (locked_by, locked_until),
// renewed by a heartbeat while the handler runs; a job whose lease expired (its instance crashed) is
// claimed again. Every later write is fenced on (locked_by, attempts), so a runner whose lease was
// taken over cannot mark the job done, failed or released. Failures retry with exponential backoff
// and jitter until max_attempts, then the job is dead with its last error. The tick stops claiming
// once its budget is spent and leaves the rest to the next one (the cron route, the in-process
// interval or a kick after an enqueue — lib/jobs/kick-work.ts).
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { log } from "@/lib/api/log";
import type { JobDefinition, JobInfo } from "@/lib/jobs/define-job";
import { jobDefinition } from "@/lib/jobs/registry";
import { ensurePeriodicJobs } from "@/lib/jobs/periodic";
import { shutdownSignal } from "@/lib/jobs/shutdown";
import { utc } from "@/lib/jobs/sql-time";

export type RunDueWorkOptions = {
  /** The clock for scheduling and leases (tests move it); the budget always uses the real one. */
  now?: () => Date;
  workerId?: string;
  /** Jobs run at once by this tick (default 2). */
  concurrency?: number;
  /** false: do not schedule the periodic maintenance jobs first (tests of the runner itself). */
  maintenance?: boolean;
  /** Where the platform ends the invocation (a serverless function's maximum duration): jobs still
   *  running this long after the tick started are told to stop at a safe point and requeued, as on
   *  SIGTERM, instead of being killed mid-way and waiting out their lease. */
  hardStopMs?: number;
};
export type RunDueWorkResult = { claimed: number; done: number; retried: number; dead: number };

type Claimed = { id: string; kind: string; organization_id: string | null; payload: string; attempts: number; max_attempts: number };
type Outcome = "done" | "retried" | "dead" | "lost" | "released";

/** A lease given at claim time, before the kind's own lease is set by the first heartbeat. */
const CLAIM_LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;
const MAX_ERROR_CHARS = 4_000;

const defaultWorker = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/** Delay before retry number `attempt` (1-based): base·2^(attempt−1), capped, with half of it random
 *  ("equal jitter"), so jobs that failed together do not all come back at the same moment. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_CHARS);
}

async function claimOne(workerId: string, now: Date): Promise<Claimed | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Claimed[]>(Prisma.sql`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = ${utc(new Date(now.getTime() + CLAIM_LEASE_MS))}, heartbeat_at = ${utc(now)}, updated_at = ${utc(now)}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (state = 'queued' AND run_at <= ${utc(now)}) OR (state = 'running' AND locked_until < ${utc(now)})
      ORDER BY run_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, organization_id, payload::text AS payload, attempts, max_attempts`);
  return rows[0] ?? null;
}

/** The fence: this runner's claim, still current. */
const fence = (job: Claimed, workerId: string) => ({ id: job.id, state: "running" as const, lockedBy: workerId, attempts: job.attempts });

async function finish(job: Claimed, workerId: string, data: Prisma.JobUpdateManyMutationInput): Promise<boolean> {
  const prisma = await db();
  const { count } = await prisma.job.updateMany({ where: fence(job, workerId), data: { ...data, lockedBy: null, lockedUntil: null } });
  return count === 1;
}

async function fail(job: Claimed, workerId: string, definition: JobDefinition | undefined, error: unknown, now: Date, permanent = false): Promise<Outcome> {
  const lastError = errorText(error);
  const dead = permanent || job.attempts >= job.max_attempts;
  const ok = await finish(job, workerId, dead
    ? { state: "dead", lastError, finishedAt: now }
    : { state: "queued", lastError, runAt: new Date(now.getTime() + backoffMs(job.attempts, definition?.backoffMs ?? 5_000)) });
  if (!ok) return "lost";
  log(dead ? "error" : "warn", dead ? "job_dead" : "job_retry", { job_id: job.id, kind: job.kind, attempt: job.attempts, error: lastError });
  return dead ? "dead" : "retried";
}

async function runClaimed(job: Claimed, workerId: string, now: () => Date, stop: AbortSignal): Promise<Outcome> {
  const definition = jobDefinition(job.kind);
  if (!definition) return fail(job, workerId, definition, new Error(`Unknown job kind "${job.kind}"`), now(), true);
  if (job.attempts > job.max_attempts) {
    // Claimed again after its last attempt's lease ran out: that run crashed or stalled its instance.
    return fail(job, workerId, definition, new Error("The last attempt never finished (its lease expired)"), now(), true);
  }
  const parsed = definition.schema.safeParse(JSON.parse(job.payload));
  if (!parsed.success) return fail(job, workerId, definition, new Error(`Invalid payload: ${parsed.error.message}`), now(), true);

  const prisma = await db();
  const lease = new AbortController();
  const renew = async () => {
    const at = now();
    const { count } = await prisma.job.updateMany({
      where: fence(job, workerId),
      data: { lockedUntil: new Date(at.getTime() + definition.leaseMs), heartbeatAt: at },
    });
    if (count !== 1) lease.abort();
  };
  await renew();
  if (lease.signal.aborted) return "lost";
  const heartbeat = setInterval(() => {
    renew().catch((error: unknown) => log("warn", "job_heartbeat_failed", { job_id: job.id, error: errorText(error) }));
  }, Math.max(50, Math.floor(definition.leaseMs / 3)));
  heartbeat.unref();

  const info: JobInfo = { id: job.id, kind: job.kind, organizationId: job.organization_id, attempt: job.attempts, maxAttempts: job.max_attempts };
  let failure: { error: unknown } | null = null;
  try {
    await definition.handler(parsed.data, info, AbortSignal.any([lease.signal, stop]));
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(heartbeat);
  }
  if (lease.signal.aborted) {
    log("warn", "job_lease_lost", { job_id: job.id, kind: job.kind });
    return "lost";
  }
  if (stop.aborted) {
    // Stopped at a safe point (a deploy, or the invocation's end): back to the queue now, not counted.
    const ok = await finish(job, workerId, { state: "queued", runAt: now(), attempts: { decrement: 1 } });
    return ok ? "released" : "lost";
  }
  if (failure) return fail(job, workerId, definition, failure.error, now());
  return (await finish(job, workerId, { state: "done", finishedAt: now(), lastError: null })) ? "done" : "lost";
}

export async function runDueWork(budgetMs: number, options: RunDueWorkOptions = {}): Promise<RunDueWorkResult> {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? defaultWorker;
  const started = performance.now();
  const result: RunDueWorkResult = { claimed: 0, done: 0, retried: 0, dead: 0 };
  const shutdown = shutdownSignal();
  if (shutdown.aborted) return result;
  const signals = [shutdown];
  if (options.hardStopMs !== undefined) signals.push(AbortSignal.timeout(options.hardStopMs));
  const stop = AbortSignal.any(signals);
  if (options.maintenance !== false) await ensurePeriodicJobs(now());
  const lane = async () => {
    while (performance.now() - started < budgetMs && !stop.aborted) {
      const job = await claimOne(workerId, now());
      if (!job) return;
      result.claimed += 1;
      const outcome = await runClaimed(job, workerId, now, stop).catch((error: unknown) => {
        // The bookkeeping itself failed (database gone): the lease will expire and the job rerun.
        log("error", "job_runner_failed", { job_id: job.id, kind: job.kind, error: errorText(error) });
        return "lost" as const;
      });
      if (outcome === "done" || outcome === "retried" || outcome === "dead") result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
  return result;
}
