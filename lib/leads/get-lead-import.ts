import "server-only";
// Import status. Reading an import still processing nudges the job queue (kickWork), so an import
// whose instance died is resumed as soon as its job's lease has expired, even between cron ticks.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { kickWork } from "@/lib/jobs/kick-work";
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

export async function getLeadImport(ctx: Pick<AuthContext, "organization">, campaignId: string, importId: string) {
  const imp = await getLeadImportOrThrow(ctx, campaignId, importId);
  if (imp.status === "processing") kickWork();
  const prisma = await db();
  const [errorCount, firstErrors] = await Promise.all([
    prisma.leadImportError.count({ where: { importId } }),
    prisma.leadImportError.findMany({ where: { importId }, orderBy: [{ rowNumber: "asc" }, { id: "asc" }], take: FIRST_ERRORS }),
  ]);
  return serializeImport(imp, errorCount, firstErrors);
}
