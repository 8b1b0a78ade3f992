import "server-only";
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { kickWork } from "@/lib/jobs/kick-work";
import type { ListImportsQuery } from "@/lib/leads/schemas";
import { serializeImport } from "@/lib/leads/serialize";

export async function listLeadImports(ctx: AuthContext, campaignId: string, q: ListImportsQuery) {
  await getCampaignOrThrow(ctx, campaignId);
  const prisma = await db();
  const where = { campaignId, organizationId: ctx.organization.id };
  const [rows, total] = await Promise.all([
    prisma.leadImport.findMany({ where, orderBy: [{ createdAt: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.leadImport.count({ where }),
  ]);
  // See get-lead-import.ts: a reader of a processing import nudges the job queue.
  if (rows.some((r) => r.status === "processing")) kickWork();
  const counts = rows.length
    ? await prisma.leadImportError.groupBy({ by: ["importId"], where: { importId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const byImport = new Map(counts.map((c) => [c.importId, c._count._all]));
  return new Page(rows.map((r) => serializeImport(r, byImport.get(r.id) ?? 0)), total, q);
}
