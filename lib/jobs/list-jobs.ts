import "server-only";
// GET /api/jobs: the organization's jobs, newest first. System-wide maintenance jobs (no organization)
// are not any tenant's and never appear here.
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListJobsQuery } from "@/lib/jobs/schemas";
import { serializeJob } from "@/lib/jobs/serialize-job";

export async function listJobs(ctx: AuthContext, q: ListJobsQuery) {
  const prisma = await db();
  const where: Prisma.JobWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.state ? { state: q.state } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.job.findMany({ where, orderBy: [{ createdAt: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.job.count({ where }),
  ]);
  return new Page(rows.map(serializeJob), total, q);
}
