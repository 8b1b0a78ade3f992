import "server-only";
// Import status. Reading an import whose job died resumes it (lib/leads/resume-stale-imports.ts).
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { resumeIfStale } from "@/lib/leads/resume-stale-imports";
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
  await resumeIfStale(imp);
  const prisma = await db();
  const [errorCount, firstErrors] = await Promise.all([
    prisma.leadImportError.count({ where: { importId } }),
    prisma.leadImportError.findMany({ where: { importId }, orderBy: [{ rowNumber: "asc" }, { id: "asc" }], take: FIRST_ERRORS }),
  ]);
  return serializeImport(imp, errorCount, firstErrors);
}
