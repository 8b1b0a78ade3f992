import "server-only";
// Import status. An import still "processing" whose heartbeat went quiet died with its process:
// the first reader to notice claims it and resumes it, so no import stays "processing" forever.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { runInBackground } from "@/lib/jobs/background";
import { IMPORT_STALE_MS, runLeadImport } from "@/lib/leads/run-lead-import";
import { serializeImport } from "@/lib/leads/serialize";

export const FIRST_ERRORS = 20;

export async function getLeadImportOrThrow(ctx: Pick<AuthContext, "organization">, campaignId: string, importId: string) {
  const prisma = await db();
  const found = await prisma.leadImport.findFirst({
    where: { id: importId, campaignId, organizationId: ctx.organization.id },
  });
  if (!found) throw new ApiError("RESOURCE_001", "Import not found");
  return found;
}

export async function resumeIfStale(imp: { id: string; status: string; heartbeatAt: Date }): Promise<boolean> {
  if (imp.status !== "processing" || Date.now() - imp.heartbeatAt.getTime() < IMPORT_STALE_MS) return false;
  const prisma = await db();
  // Conditional claim: of several readers noticing at once, one resumes it.
  const claimed = await prisma.leadImport.updateMany({
    where: { id: imp.id, status: "processing", heartbeatAt: imp.heartbeatAt },
    data: { heartbeatAt: new Date() },
  });
  if (claimed.count !== 1) return false;
  runInBackground(`lead-import:${imp.id}:resume`, () => runLeadImport(imp.id));
  return true;
}

export async function getLeadImport(ctx: Pick<AuthContext, "organization">, campaignId: string, importId: string) {
  const imp = await getLeadImportOrThrow(ctx, campaignId, importId);
  await resumeIfStale(imp);
  const prisma = await db();
  const [errorCount, firstErrors] = await Promise.all([
    prisma.leadImportError.count({ where: { importId } }),
    prisma.leadImportError.findMany({ where: { importId }, orderBy: [{ rowNumber: "asc" }, { id: "asc" }], take: FIRST_ERRORS }),
  ]);
  return serializeImport(imp, errorCount, firstErrors);
}
