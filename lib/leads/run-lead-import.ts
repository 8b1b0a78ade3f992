import "server-only";
// The import job. It reads the stored upload as a stream and writes batches; each batch's leads,
// row errors and progress counters commit in one transaction, so after a crash the job resumes right
// after the last committed row (processed_rows) and nothing is written twice. Duplicates are decided
// by the database's (campaign_id, phone) key: numbers already in the campaign, or earlier in the file.
// heartbeat_at is the job's lease: each commit moves it only if it still holds the value the job last
// wrote, so when a stalled job is taken over (lib/leads/resume-stale-imports.ts) its next commit is
// refused and it stops — two jobs never both count the same rows.
import { rm } from "node:fs/promises";
import path from "node:path";
import { bulkSql, db } from "@/lib/db/client";
import { dataDir } from "@/lib/db/config";
import { log } from "@/lib/api/log";
import { newIds } from "@/lib/ids";
import { shutdownSignal } from "@/lib/jobs/background";
import { recordEvent } from "@/lib/events/record-event";
import { readCsv, detectDelimiter } from "@/lib/leads/csv";
import { resolveMapping } from "@/lib/leads/resolve-mapping";
import { buildLeadRow, type LeadRow, type RowError } from "@/lib/leads/build-lead-row";
import type { LeadField } from "@/lib/leads/schemas";
import type { CampaignSettings } from "@/lib/campaigns/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

export const IMPORT_BATCH_SIZE = 5000;
/** An import whose heartbeat is older than this died with its process and may be resumed. */
export const IMPORT_STALE_MS = 60_000;

export function importFilePath(importId: string): string {
  return path.join(dataDir(), "imports", `${importId}.csv`);
}

type Counts = { processed: number; imported: number; updated: number; duplicates: number; invalid: number; suppressed: number };

type Job = {
  importId: string;
  organizationId: string;
  campaignId: string;
  policy: "skip" | "update";
  /** The heartbeat this job wrote last (its lease). */
  lease: Date;
};

class LeaseLost extends Error {}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

async function writeBatch(job: Job, leads: LeadRow[], errors: RowError[], processed: number): Promise<Counts> {
  // Within one batch the same number twice: the later row wins under "update", the first under "skip".
  const unique = new Map<string, LeadRow>();
  let duplicates = 0;
  for (const lead of leads) {
    if (unique.has(lead.phone)) {
      duplicates += 1;
      if (job.policy === "update") unique.set(lead.phone, lead);
    } else unique.set(lead.phone, lead);
  }
  const sql = await bulkSql();
  return sql.transaction(async (tx) => {
    const phones = [...unique.keys()];
    const blocked = phones.length
      ? await tx.query<{ phone: string }>(
          `SELECT phone FROM dnc_entries
           WHERE organization_id = $1 AND phone = ANY($2::text[]) AND (expires_at IS NULL OR expires_at > now())`,
          [job.organizationId, phones],
        )
      : { rows: [] };
    const suppressedPhones = new Set(blocked.rows.map((b) => b.phone));
    // Inserting in key order means two imports touching the same numbers lock them in the same order.
    const rows = [...unique.values()].filter((l) => !suppressedPhones.has(l.phone)).sort((x, y) => (x.phone < y.phone ? -1 : 1));
    let imported = 0;
    let updated = 0;
    if (rows.length) {
      const conflict =
        job.policy === "update"
          ? `ON CONFLICT (campaign_id, phone) DO UPDATE SET
               first_name = COALESCE(EXCLUDED.first_name, leads.first_name),
               last_name = COALESCE(EXCLUDED.last_name, leads.last_name),
               email = COALESCE(EXCLUDED.email, leads.email),
               company = COALESCE(EXCLUDED.company, leads.company),
               timezone = EXCLUDED.timezone,
               custom_fields = leads.custom_fields || EXCLUDED.custom_fields,
               updated_at = now()
             RETURNING (xmax = 0) AS inserted`
          : "ON CONFLICT (campaign_id, phone) DO NOTHING";
      const result = await tx.query<{ inserted: boolean }>(
        `INSERT INTO leads (id, organization_id, campaign_id, phone, first_name, last_name, email, company, timezone, custom_fields, import_id, created_at, updated_at)
         SELECT u.id, $1, $2, u.phone, u.first_name, u.last_name, u.email, u.company, u.timezone, u.custom::jsonb, $3, now(), now()
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
              AS u(id, phone, first_name, last_name, email, company, timezone, custom)
         ${conflict}`,
        [
          job.organizationId,
          job.campaignId,
          job.importId,
          newIds("lead", rows.length),
          rows.map((r) => r.phone),
          rows.map((r) => r.firstName),
          rows.map((r) => r.lastName),
          rows.map((r) => r.email),
          rows.map((r) => r.company),
          rows.map((r) => r.timezone),
          rows.map((r) => JSON.stringify(r.customFields)),
        ],
      );
      if (job.policy === "update") {
        // xmax = 0 marks a freshly inserted row; others were updated in place.
        imported = result.rows.filter((r) => r.inserted).length;
        updated = result.rows.length - imported;
      } else {
        imported = result.rowCount;
      }
      duplicates += rows.length - imported;
    }
    if (errors.length) {
      await tx.query(
        `INSERT INTO lead_import_errors (import_id, row_number, "column", value, reason)
         SELECT $1, u.row_number, u.col, u.value, u.reason
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS u(row_number, col, value, reason)`,
        [job.importId, errors.map((e) => e.row), errors.map((e) => e.column), errors.map((e) => e.value), errors.map((e) => e.reason)],
      );
    }
    const counts: Counts = {
      processed,
      imported,
      updated,
      duplicates,
      invalid: new Set(errors.map((e) => e.row)).size,
      suppressed: suppressedPhones.size,
    };
    const lease = new Date();
    const renewed = await tx.query(
      `UPDATE lead_imports SET processed_rows = processed_rows + $2, imported = imported + $3, updated = updated + $4,
         duplicates = duplicates + $5, invalid = invalid + $6, suppressed = suppressed + $7, heartbeat_at = $8
       WHERE id = $1 AND status = 'processing' AND heartbeat_at = $9`,
      [job.importId, counts.processed, counts.imported, counts.updated, counts.duplicates, counts.invalid, counts.suppressed, lease, job.lease],
    );
    if (renewed.rowCount !== 1) throw new LeaseLost(); // rolls this batch back
    job.lease = lease;
    return counts;
  });
}

async function writeBatchWithRetry(job: Job, leads: LeadRow[], errors: RowError[], processed: number): Promise<Counts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(job, leads, errors, processed);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 4 || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function finish(job: Job, status: "completed" | "failed", failureReason: string | null) {
  const importId = job.importId;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const current = await tx.leadImport.findUniqueOrThrow({ where: { id: importId } });
    // Only the lease holder finishes, and only once.
    const claimed = await tx.leadImport.updateMany({
      where: { id: importId, status: "processing", heartbeatAt: job.lease },
      data: { heartbeatAt: new Date() },
    });
    if (claimed.count !== 1) throw new LeaseLost();
    const done = await tx.leadImport.update({
      where: { id: importId },
      data: {
        status,
        failureReason,
        completedAt: new Date(),
        heartbeatAt: new Date(),
        // The upload-time count is a fast byte scan; the rows actually read are the exact figure.
        ...(status === "completed" ? { totalRows: current.processedRows } : {}),
      },
    });
    if (status === "completed") {
      const payload: Prisma.InputJsonObject = {
        import_id: done.id,
        campaign_id: done.campaignId,
        file_name: done.fileName,
        total_rows: done.totalRows,
        imported: done.imported,
        updated: done.updated,
        duplicates: done.duplicates,
        invalid: done.invalid,
        suppressed: done.suppressed,
      };
      await recordEvent(tx, done.organizationId, "lead.imported", payload);
    }
  });
  await rm(importFilePath(importId), { force: true });
}

/** Runs (or resumes) an import to the end. Safe to call again after a crash. When `signal` aborts,
 *  it stops before its next batch and leaves the import "processing" for a later resume. */
export async function runLeadImport(importId: string, signal: AbortSignal = shutdownSignal()): Promise<void> {
  const prisma = await db();
  const record = await prisma.leadImport.findUnique({ where: { id: importId }, include: { campaign: true } });
  if (!record || record.status !== "processing") return;
  const job: Job = {
    importId,
    organizationId: record.organizationId,
    campaignId: record.campaignId,
    policy: record.duplicatePolicy,
    lease: record.heartbeatAt,
  };
  const settings = record.campaign.settings as CampaignSettings;
  const file = importFilePath(importId);
  try {
    const delimiter = await detectDelimiter(file);
    const already = record.processedRows;
    let plan: ReturnType<typeof resolveMapping> | null = null;
    let seen = 0;
    let leads: LeadRow[] = [];
    let errors: RowError[] = [];
    let pending = 0;
    const options = { defaultCountry: record.defaultCountry, campaignTimeZone: settings.timezone };
    // One batch is written while the next is parsed, so the database and this process work at once.
    // Batches still commit strictly in order: a write starts only after the previous one finished.
    let writing: Promise<unknown> = Promise.resolve();
    const submit = async () => {
      await writing;
      const batch = { leads, errors, pending };
      leads = [];
      errors = [];
      pending = 0;
      writing = writeBatchWithRetry(job, batch.leads, batch.errors, batch.pending);
      writing.catch(() => undefined); // awaited by the next submit or at the end
    };
    const onSkip = (skip: { line: number; reason: string }) => {
      if (!plan || skip.line - 1 <= already) return;
      seen += 1;
      errors.push({ row: skip.line, column: null, value: null, reason: skip.reason });
      pending += 1;
    };
    for await (const { line, cells } of readCsv(file, delimiter, onSkip)) {
      if (!plan) {
        plan = resolveMapping(cells.map((c) => c.trim()), (record.mapping ?? undefined) as Record<string, LeadField> | undefined);
        continue;
      }
      seen += 1;
      if (seen <= already) continue; // committed before a restart
      const built = await buildLeadRow(line, cells, plan, options);
      if ("lead" in built) leads.push(built.lead);
      else errors.push(...built.errors);
      pending += 1;
      if (pending >= IMPORT_BATCH_SIZE) {
        if (signal.aborted) break;
        await submit();
      }
    }
    await writing;
    if (signal.aborted) return;
    if (pending) {
      await submit();
      await writing;
    }
    await finish(job, "completed", null);
  } catch (error) {
    if (error instanceof LeaseLost) {
      log("warn", "lead_import_taken_over", { import_id: importId });
      return; // another job holds the import now
    }
    log("error", "lead_import_failed", { import_id: importId, error: error instanceof Error ? error.stack : String(error) });
    const missing = (error as { code?: string }).code === "ENOENT";
    await finish(
      job,
      "failed",
      missing
        ? "The uploaded file is no longer available (the import was interrupted on another server); upload it again — rows already imported are skipped"
        : "The import stopped unexpectedly after its last saved batch; upload the file again to finish it — rows already imported are skipped",
    ).catch((finishError: unknown) => {
      if (!(finishError instanceof LeaseLost)) throw finishError;
    });
  }
}
