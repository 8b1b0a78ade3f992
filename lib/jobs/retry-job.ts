import "server-only";
// POST /api/jobs/{id}/retry: a dead job goes back to the queue with its attempts reset (its last error
// stays until the next run replaces it). Only dead jobs: a queued or running one will run anyway, and
// a done one is finished.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { kickWork } from "@/lib/jobs/kick-work";
import { serializeJob } from "@/lib/jobs/serialize-job";

export async function retryJob(ctx: AuthContext, jobId: string) {
  const prisma = await db();
  const job = await prisma.$transaction(async (tx) => {
    const found = await tx.job.findFirst({ where: { id: jobId, organizationId: ctx.organization.id } });
    if (!found) throw new ApiError("RESOURCE_001", "Job not found");
    // Conditional on the state, so two admins retrying at once requeue it once.
    const { count } = await tx.job.updateMany({
      where: { id: found.id, organizationId: ctx.organization.id, state: "dead" },
      data: { state: "queued", attempts: 0, runAt: new Date(), finishedAt: null, lockedBy: null, lockedUntil: null },
    });
    if (count !== 1) throw new ApiError("RESOURCE_003", `Only a dead job can be retried; this one is ${found.state}`, { state: found.state });
    await recordAudit(tx, ctx, "jobs.retried", { type: "job", id: found.id }, { kind: found.kind, attempts: found.attempts });
    return tx.job.findUniqueOrThrow({ where: { id: found.id } });
  });
  kickWork();
  return serializeJob(job);
}
