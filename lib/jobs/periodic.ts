import "server-only";
// Recurring maintenance without a scheduler process: each tick makes sure this period's job exists.
// The singleton key names the kind and the period's start, and is looked up among finished jobs too,
// so a period's job is created once however many instances tick; it then runs like any other job.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { utc } from "@/lib/jobs/sql-time";
import { cleanupUploadsJob, purgeFinishedJobsJob, purgeIdempotencyJob, purgeSessionsJob } from "@/lib/jobs/maintenance-jobs";
import { reconcileCallsJob } from "@/lib/calls/reconcile-job";

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const PERIODIC_JOBS = [
  { job: reconcileCallsJob, everyMs: MINUTE },
  { job: cleanupUploadsJob, everyMs: HOUR },
  { job: purgeIdempotencyJob, everyMs: HOUR },
  { job: purgeSessionsJob, everyMs: 24 * HOUR },
  { job: purgeFinishedJobsJob, everyMs: 24 * HOUR },
] as const;

// Per process: the periods already made sure of, so most ticks cost no query at all.
const ensured = new Set<string>();

export function periodKey(kind: string, everyMs: number, now: Date): { key: string; start: Date } {
  const start = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
  return { key: `${kind}@${start.toISOString()}`, start };
}

export async function ensurePeriodicJobs(now: Date): Promise<number> {
  const prisma = await db();
  let created = 0;
  for (const { job, everyMs } of PERIODIC_JOBS) {
    const { key, start } = periodKey(job.kind, everyMs, now);
    if (ensured.has(key)) continue;
    const inserted = await prisma.$executeRaw(Prisma.sql`
      INSERT INTO jobs (id, organization_id, kind, payload, max_attempts, run_at, singleton_key, created_at, updated_at)
      SELECT ${newId("job")}, NULL, ${job.kind}, '{}'::jsonb, ${job.maxAttempts}, ${utc(start)}, ${key}, ${utc(now)}, ${utc(now)}
      WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE singleton_key = ${key})
      ON CONFLICT (singleton_key) WHERE state IN ('queued', 'running') DO NOTHING`);
    created += inserted;
    ensured.add(key);
  }
  return created;
}

/** Tests move the clock around; this forgets what was already ensured. */
export function forgetEnsuredPeriods(): void {
  ensured.clear();
}
