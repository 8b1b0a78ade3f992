import type { Job } from "@/lib/generated/prisma/client";
import type { JobView } from "@/lib/jobs/schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function serializeJob(job: Job): JobView {
  return {
    job_id: job.id,
    kind: job.kind,
    state: job.state,
    payload: (job.payload ?? {}) as Record<string, unknown>,
    attempts: job.attempts,
    max_attempts: job.maxAttempts,
    run_at: job.runAt.toISOString(),
    locked_until: iso(job.lockedUntil),
    last_error: job.lastError,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
    finished_at: iso(job.finishedAt),
  };
}
