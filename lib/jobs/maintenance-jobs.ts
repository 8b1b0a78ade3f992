import "server-only";
// System-wide housekeeping, run as ordinary jobs (organization_id null) that lib/jobs/periodic.ts
// schedules once per period. Each is a single idempotent sweep, so a retry or a rerun is harmless.
import { z } from "zod";
import { log } from "@/lib/api/log";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { removeOrphanedImportFiles } from "@/lib/leads/remove-orphaned-import-files";

/** Sessions stay this long after they expire or are revoked: recent sign-in history for support. */
export const SESSION_GRACE_MS = 30 * 86_400_000;
/** Finished jobs stay visible for a week; dead ones for a month (an admin may still retry them). */
export const DONE_JOB_RETENTION_MS = 7 * 86_400_000;
export const DEAD_JOB_RETENTION_MS = 30 * 86_400_000;

const empty = z.object({}).strict();

export const cleanupUploadsJob = defineJob("maintenance.cleanup_uploads", empty, async () => {
  const removed = await removeOrphanedImportFiles();
  if (removed) log("info", "orphaned_uploads_removed", { removed });
});

export const purgeIdempotencyJob = defineJob("maintenance.purge_idempotency", empty, async () => {
  const prisma = await db();
  const { count } = await prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  if (count) log("info", "idempotency_records_purged", { count });
});

export const purgeSessionsJob = defineJob("maintenance.purge_sessions", empty, async () => {
  const prisma = await db();
  const before = new Date(Date.now() - SESSION_GRACE_MS);
  // Refresh tokens go with their session (ON DELETE CASCADE).
  const { count } = await prisma.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
  if (count) log("info", "auth_sessions_purged", { count });
});

export const purgeFinishedJobsJob = defineJob("maintenance.purge_jobs", empty, async () => {
  const prisma = await db();
  const now = Date.now();
  const { count } = await prisma.job.deleteMany({
    where: {
      OR: [
        { state: "done", finishedAt: { lt: new Date(now - DONE_JOB_RETENTION_MS) } },
        { state: "dead", finishedAt: { lt: new Date(now - DEAD_JOB_RETENTION_MS) } },
      ],
    },
  });
  if (count) log("info", "finished_jobs_purged", { count });
});
