import "server-only";
// POST /api/campaigns/{id}/leads: checks the file as a whole (refused before anything is written),
// stores it as an object (so whichever instance runs the job can read it), records the import and its
// `lead_import` job in one transaction, and answers 202 while the job runs (lib/leads/run-lead-import.ts).
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { ApiError } from "@/lib/api/errors";
import type { UploadedFile } from "@/lib/api/multipart";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { enqueue } from "@/lib/jobs/enqueue";
import { kickWork } from "@/lib/jobs/kick-work";
import { objectStore } from "@/lib/storage/provider";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { isTerminal } from "@/lib/campaigns/transitions";
import type { CampaignStatus } from "@/lib/campaigns/schemas";
import { CsvFormatError, detectDelimiter, scanCsv } from "@/lib/leads/csv";
import { resolveMapping } from "@/lib/leads/resolve-mapping";
import { importObjectKey } from "@/lib/leads/import-object";
import { MAX_IMPORT_ROWS, type ImportLeadsFields } from "@/lib/leads/schemas";

const MAX_COLUMNS = 200;

const fileProblem = (code: "VALIDATION_001" | "VALIDATION_002" | "VALIDATION_003", message: string) =>
  new ApiError(code, `file: ${message}`, { fields: [{ field: "file", code, message }] });

export async function startLeadImport(ctx: AuthContext, campaignId: string, fields: ImportLeadsFields, file: UploadedFile | null) {
  const campaign = await getCampaignOrThrow(ctx, campaignId);
  if (isTerminal(campaign.status as CampaignStatus)) {
    throw new ApiError("RESOURCE_003", `A ${campaign.status} campaign cannot take new leads`);
  }
  if (!file) throw fileProblem("VALIDATION_001", "Required: attach the CSV as the `file` field");
  if (file.size === 0) throw fileProblem("VALIDATION_002", "The file is empty");

  const delimiter = await detectDelimiter(file.path);
  let scan: Awaited<ReturnType<typeof scanCsv>>;
  try {
    scan = await scanCsv(file.path, delimiter, MAX_IMPORT_ROWS);
  } catch (error) {
    if (error instanceof CsvFormatError) throw fileProblem("VALIDATION_002", `Not a readable CSV: ${error.message}`);
    throw error;
  }
  if (!scan.header) throw fileProblem("VALIDATION_002", "The file is empty");
  if (scan.rows > MAX_IMPORT_ROWS) throw fileProblem("VALIDATION_003", `More than ${MAX_IMPORT_ROWS} rows; split the file`);
  if (scan.rows === 0) throw fileProblem("VALIDATION_003", "The file has a header but no rows");
  if (scan.header.length > MAX_COLUMNS) throw fileProblem("VALIDATION_003", `More than ${MAX_COLUMNS} columns`);
  // Stored resolved (guessed columns included), so the job and the user see exactly what was applied.
  const plan = resolveMapping(scan.header, fields.mapping);
  const mapping = Object.fromEntries(plan.flatMap((col) => (col.field ? [[col.header, col.field]] : [])));

  const importId = newId("leadImport");
  const store = await objectStore();
  const key = importObjectKey(importId);
  // The route wrapper removes the temp file after the response; the stored object is the import's.
  await store.put(key, Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>, { contentType: "text/csv" });
  const prisma = await db();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.leadImport.create({
        data: {
          id: importId,
          organizationId: ctx.organization.id,
          campaignId: campaign.id,
          fileName: file.filename.slice(0, 255),
          fileSize: BigInt(file.size),
          mapping,
          duplicatePolicy: fields.duplicate_policy,
          defaultCountry: fields.default_country ?? ctx.organization.defaultCountry,
          totalRows: scan.rows,
          createdById: ctx.user.id,
          // Written from here (millisecond precision): the job compares it exactly as its lease.
          heartbeatAt: new Date(),
        },
      });
      await recordAudit(tx, ctx, "leads.import_started", { type: "lead_import", id: importId }, {
        campaign_id: campaign.id,
        file_name: file.filename,
        total_rows: scan.rows,
      });
      await enqueue(tx, { kind: "lead_import", payload: { import_id: importId }, organizationId: ctx.organization.id, singletonKey: `lead_import:${importId}` });
    });
  } catch (error) {
    await store.delete(key);
    throw error;
  }
  kickWork();
  return { import_id: importId, status: "processing" as const, total_rows: scan.rows };
}
