import "server-only";
// The import job. It reads the stored upload in chunks, parses and checks rows synchronously, and
// writes batches; each batch's leads, row errors and progress counters commit in one transaction,
// so after a crash the job resumes right after the last committed row (processed_rows) and nothing
// is written twice. A batch is written while the next one is parsed.
//
// Leads go in with COPY (the fastest way into Postgres) while that is safe: numbers repeated within
// the file are dropped here before they reach the database, so COPY meets a duplicate only if a
// number is already in the campaign — then that batch, and every later one, is written with
// INSERT … ON CONFLICT instead, which decides duplicates against the campaign's (campaign_id, phone)
// key. The "update" policy always uses the latter. (Two imports into one campaign can also deadlock;
// the batch is then retried.)
//
// It runs as the `lead_import` job (lib/leads/lead-import-job.ts), whose lease decides which instance
// runs it. heartbeat_at is the import's own fencing token on top of that: a run first moves it
// (taking the import over), and each commit moves it again only if it still holds the value this run
// last wrote, so a run that was taken over (its job lease expired and another instance resumed it)
// has its next commit refused and stops — two runs never both count the same rows.
//
// The upload is read as a stream from object storage (lib/storage), so any instance can resume it.
import { bulkSql, db } from "@/lib/db/client";
import type { SqlTransaction } from "@/lib/db/bulk-sql";
import { log } from "@/lib/api/log";
import { timeOrderedIds } from "@/lib/ids";
import { shutdownSignal } from "@/lib/jobs/shutdown";
import { recordEvent } from "@/lib/events/record-event";
import { objectStore, readObjectBytes } from "@/lib/storage/provider";
import { importObjectKey } from "@/lib/leads/import-object";
import { CsvParser, delimiterOf, type CsvSkip } from "@/lib/leads/csv";
import { resolveMapping } from "@/lib/leads/resolve-mapping";
import { createRowBuilder, displayName, type LeadRow, type RowBuilder, type RowError } from "@/lib/leads/build-lead-row";
import { LEAD_COPY_COLUMNS, LeadBatch } from "@/lib/leads/lead-batch";
import { inferTimeZone, prepareTimeZones } from "@/lib/phone/phone";
import { PhoneSet } from "@/lib/leads/phone-set";
import type { LeadField } from "@/lib/leads/schemas";
import type { CampaignSettings } from "@/lib/campaigns/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

const DEFAULT_BATCH_ROWS = 20_000;

/** Rows per committed batch. LEAD_IMPORT_BATCH_ROWS exists for tests, which cross batch boundaries
 *  with small files; read here only. */
export function importBatchSize(): number {
  const configured = Number(process.env.LEAD_IMPORT_BATCH_ROWS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_BATCH_ROWS;
}
// Small pieces keep each synchronous parse short, so database replies are handled promptly.
const READ_CHUNK_BYTES = 64 * 1024;

class UploadMissing extends Error {}

type Counts = { processed: number; imported: number; updated: number; duplicates: number; invalid: number; suppressed: number };

type Job = {
  importId: string;
  organizationId: string;
  campaignId: string;
  campaignTimeZone: string;
  policy: "skip" | "update";
  /** The heartbeat this job wrote last (its lease). */
  lease: Date;
  /** "copy" until a number turns out to be in the campaign already (see above). */
  mode: "copy" | "upsert";
  /** The file's phone column, for the report's duplicate and suppressed rows. */
  phoneColumn: string | null;
};

class LeaseLost extends Error {}
class CampaignGone extends Error {}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure
const UNIQUE_VIOLATION = "23505";

type BatchLead = LeadRow & { id: string; line: number };

/** A duplicate or suppressed row for the import's report. */
function reportRow(job: Job, lead: BatchLead, kind: "duplicate" | "suppressed", reason: string): RowError {
  return { row: lead.line, column: job.phoneColumn, value: lead.phone, reason, kind, name: displayName(lead.firstName, lead.lastName), email: lead.email };
}

const SAME_FILE = "Duplicate: the same number as an earlier row of this file";

/** INSERT … ON CONFLICT: duplicates of leads already in the campaign are skipped or update them. */
async function upsertLeads(
  tx: SqlTransaction,
  job: Job,
  leads: BatchLead[],
): Promise<{ imported: number; updated: number; duplicates: number; report: RowError[] }> {
  // Within one batch the same number twice: the later row wins under "update", the first under "skip".
  const unique = new Map<string, BatchLead>();
  const report: RowError[] = [];
  let duplicates = 0;
  for (const lead of leads) {
    const earlier = unique.get(lead.phone);
    if (earlier) {
      duplicates += 1;
      // The row that does not end up in the campaign is the one reported.
      if (job.policy === "update") {
        report.push(reportRow(job, earlier, "duplicate", `${SAME_FILE} (a later row's fields were used)`));
        unique.set(lead.phone, lead);
      } else report.push(reportRow(job, lead, "duplicate", SAME_FILE));
    } else unique.set(lead.phone, lead);
  }
  // Inserting in key order means two imports touching the same numbers lock them in the same order.
  const rows = [...unique.values()].sort((x, y) => (x.phone < y.phone ? -1 : 1));
  if (!rows.length) return { imported: 0, updated: 0, duplicates, report };
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
         RETURNING phone, (xmax = 0) AS inserted`
      : "ON CONFLICT (campaign_id, phone) DO NOTHING RETURNING phone, true AS inserted";
  const result = await tx.query<{ phone: string; inserted: boolean }>(
    `INSERT INTO leads (${LEAD_COPY_COLUMNS}, created_at, updated_at)
     SELECT u.id, $1, $2, u.phone, u.first_name, u.last_name, u.email, u.company, u.timezone, u.custom::jsonb, $3, now(), now()
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
          AS u(id, phone, first_name, last_name, email, company, timezone, custom)
     ${conflict}`,
    [
      job.organizationId,
      job.campaignId,
      job.importId,
      rows.map((r) => r.id),
      rows.map((r) => r.phone),
      rows.map((r) => r.firstName),
      rows.map((r) => r.lastName),
      rows.map((r) => r.email),
      rows.map((r) => r.company),
      rows.map((r) => r.timezone),
      rows.map((r) => r.customFields),
    ],
  );
  // xmax = 0 marks a freshly inserted row; others were updated in place.
  const inserted = new Set(result.rows.filter((r) => r.inserted).map((r) => r.phone));
  const imported = inserted.size;
  const updated = job.policy === "update" ? result.rows.length - imported : 0;
  const already = job.policy === "update" ? "Duplicate: already in this campaign; its lead was updated from this row" : "Duplicate: already in this campaign";
  for (const lead of rows) if (!inserted.has(lead.phone)) report.push(reportRow(job, lead, "duplicate", already));
  // An existing number is a duplicate under either policy (under "update" it is also counted as updated).
  return { imported, updated, duplicates: duplicates + rows.length - imported, report };
}

async function writeBatch(job: Job, batch: LeadBatch): Promise<Counts> {
  const sql = await bulkSql();
  return sql.transaction(async (tx) => {
    // Progress is committed with the rows it counts, so losing the last commits in a database crash
    // only means those batches are read again on resume: no need to wait for each WAL flush.
    await tx.query("SET LOCAL synchronous_commit = off");
    // Holding the campaign row (as a foreign key would, but once per batch instead of once per row)
    // keeps it from being deleted mid-batch; if it is gone, so is this import.
    const { rows: campaign } = await tx.query<{ has_dnc: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM dnc_entries WHERE organization_id = $2) AS has_dnc
       FROM campaigns WHERE id = $1 AND organization_id = $2 FOR KEY SHARE`,
      [job.campaignId, job.organizationId],
    );
    if (!campaign[0]) throw new CampaignGone();
    let suppressed = 0;
    let repeatsOfSuppressed = 0;
    // Report rows found while writing; kept here (not on the batch) so a retried write starts clean.
    const report: RowError[] = [];
    let rows = batch;
    if (campaign[0].has_dnc && batch.rows) {
      const blocked = await tx.query<{ phone: string }>(
        `SELECT phone FROM dnc_entries
         WHERE organization_id = $1 AND phone = ANY($2::text[]) AND (expires_at IS NULL OR expires_at > now())`,
        [job.organizationId, [...new Set(batch.phones())]],
      );
      if (blocked.rows.length) {
        const numbers = new Set(blocked.rows.map((b) => b.phone));
        for (const lead of batch.leads()) if (numbers.has(lead.phone)) report.push(reportRow(job, lead, "suppressed", "On the do-not-call list"));
        suppressed = numbers.size;
        // A listed number that appears twice in the batch is suppressed once and a duplicate once.
        repeatsOfSuppressed = batch.phones().filter((phone) => numbers.has(phone)).length - numbers.size;
        rows = batch.without(numbers);
      }
    }
    let written = { imported: 0, updated: 0, duplicates: 0, report: [] as RowError[] };
    if (rows.rows && job.mode === "copy") {
      try {
        await tx.query("SAVEPOINT copy_leads");
        written.imported = await tx.copyFrom(`COPY leads (${LEAD_COPY_COLUMNS}) FROM STDIN`, rows.data());
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await tx.query("ROLLBACK TO SAVEPOINT copy_leads");
        job.mode = "upsert";
      }
    }
    if (rows.rows && job.mode === "upsert") written = await upsertLeads(tx, job, rows.leads());
    const errors = [...batch.errors, ...report, ...written.report];
    if (errors.length) {
      await tx.query(
        `INSERT INTO lead_import_errors (import_id, row_number, kind, "column", value, reason, name, email)
         SELECT $1, u.row_number, u.kind::"LeadImportIssueKind", u.col, u.value, u.reason, u.name, u.email
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              AS u(row_number, kind, col, value, reason, name, email)`,
        [
          job.importId,
          errors.map((e) => e.row),
          errors.map((e) => e.kind ?? "invalid"),
          errors.map((e) => e.column),
          errors.map((e) => e.value),
          errors.map((e) => e.reason),
          errors.map((e) => e.name ?? null),
          errors.map((e) => e.email ?? null),
        ],
      );
    }
    const counts: Counts = {
      processed: batch.processed,
      imported: written.imported,
      updated: written.updated,
      duplicates: batch.duplicates + written.duplicates + repeatsOfSuppressed,
      invalid: batch.invalidRows,
      suppressed,
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

async function writeBatchWithRetry(job: Job, batch: LeadBatch): Promise<Counts> {
  // Leads whose zone was not cached when the row was read (the first number of each area code).
  for (const lead of batch.deferred.splice(0)) {
    const timezone = (await inferTimeZone(lead.phone, job.campaignTimeZone)) ?? job.campaignTimeZone;
    batch.add({ ...lead, timezone }, lead.line);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(job, batch);
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
  await (await objectStore()).delete(importObjectKey(importId));
}

/** Runs (or resumes) an import to the end. Safe to call again after a crash. When `signal` aborts,
 *  it stops before its next batch and leaves the import "processing" for a later resume. */
export async function runLeadImport(importId: string, signal: AbortSignal = shutdownSignal()): Promise<void> {
  const prisma = await db();
  const found = await prisma.leadImport.findUnique({ where: { id: importId }, include: { campaign: true } });
  if (!found || found.status !== "processing") return;
  // Take the import over: a run still going elsewhere (its job lease lost) has its next commit refused.
  const takenAt = new Date();
  const taken = await prisma.leadImport.updateMany({
    where: { id: importId, status: "processing", heartbeatAt: found.heartbeatAt },
    data: { heartbeatAt: takenAt },
  });
  if (taken.count !== 1) return; // another run took it over at the same moment
  const record = { ...found, heartbeatAt: takenAt };
  const settings = record.campaign.settings as CampaignSettings;
  const job: Job = {
    importId,
    organizationId: record.organizationId,
    campaignId: record.campaignId,
    campaignTimeZone: settings.timezone,
    policy: record.duplicatePolicy,
    lease: record.heartbeatAt,
    // A resumed job's earlier rows are already in the campaign, so COPY would only collide with them.
    mode: record.duplicatePolicy === "skip" && record.processedRows === 0 ? "copy" : "upsert",
    phoneColumn: null,
  };
  const store = await objectStore();
  const key = importObjectKey(importId);
  const batchRows = importBatchSize();
  try {
    const head = await store.get(key, { start: 0, end: 64 * 1024 - 1 });
    if (!head) throw new UploadMissing();
    const delimiter = delimiterOf(await readObjectBytes(head.body));
    await prepareTimeZones();
    const already = record.processedRows;
    const seenPhones = job.mode === "copy" ? new PhoneSet(record.totalRows) : null;
    let build: RowBuilder | null = null;
    let seen = 0;
    const owner = { organizationId: job.organizationId, campaignId: job.campaignId, importId };
    const nextId = timeOrderedIds("lead");
    // Two buffers take turns: one is being written while the other fills.
    const spare: Buffer[] = [Buffer.allocUnsafe(4 << 20)];
    let batch = new LeadBatch(Buffer.allocUnsafe(4 << 20), owner, nextId);
    const onRecord = (cells: string[], line: number) => {
      if (!build) {
        const plan = resolveMapping(cells.map((c) => c.trim()), (record.mapping ?? undefined) as Record<string, LeadField> | undefined);
        job.phoneColumn = plan.find((c) => c.field === "phone_number")?.header ?? null;
        build = createRowBuilder(plan, { defaultCountry: record.defaultCountry, campaignTimeZone: settings.timezone });
        return;
      }
      seen += 1;
      if (seen <= already) return; // committed before a restart
      batch.processed += 1;
      const built = build(line, cells);
      if (Array.isArray(built)) {
        batch.errors.push(...built);
        batch.invalidRows += 1;
      } else if (seenPhones && !seenPhones.add(built.phone)) {
        batch.duplicates += 1;
        batch.errors.push({ row: line, column: job.phoneColumn, value: built.phone, reason: SAME_FILE, kind: "duplicate", name: displayName(built.firstName, built.lastName), email: built.email });
      } else if (built.timezone === null) {
        batch.deferred.push({ ...built, line });
      } else {
        batch.add(built as LeadRow & { timezone: string }, line);
      }
    };
    const onSkip = (skip: CsvSkip) => {
      if (!build) return; // an unreadable header is refused at upload
      seen += 1;
      if (seen <= already) return;
      batch.processed += 1;
      batch.invalidRows += 1;
      batch.errors.push({ row: skip.line, column: null, value: null, reason: skip.reason });
    };
    const parser = new CsvParser(delimiter, onRecord, onSkip);
    // One batch is written while the next is read, so the database and this process work at once.
    // Batches still commit strictly in order: a write starts only after the previous one finished.
    let writing: Promise<unknown> = Promise.resolve();
    const submit = async () => {
      await writing;
      const full = batch;
      batch = new LeadBatch(spare.pop() ?? Buffer.allocUnsafe(4 << 20), owner, nextId);
      writing = writeBatchWithRetry(job, full).finally(() => spare.push(full.release()));
      writing.catch(() => undefined); // awaited by the next submit or at the end
    };
    const object = await store.get(key);
    if (!object) throw new UploadMissing();
    const reader = object.body.getReader();
    try {
      reading: for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (let at = 0; at < value.byteLength; at += READ_CHUNK_BYTES) {
          const piece = value.subarray(at, Math.min(at + READ_CHUNK_BYTES, value.byteLength));
          parser.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
          if (batch.processed >= batchRows) {
            if (signal.aborted) break reading;
            await submit();
          }
        }
      }
      if (!signal.aborted) parser.end();
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    await writing;
    if (signal.aborted) return;
    if (batch.processed) {
      await submit();
      await writing;
    }
    await finish(job, "completed", null);
  } catch (error) {
    if (error instanceof LeaseLost) {
      log("warn", "lead_import_taken_over", { import_id: importId });
      return; // another job holds the import now
    }
    if (error instanceof CampaignGone) {
      log("warn", "lead_import_campaign_deleted", { import_id: importId });
      await store.delete(key);
      return; // the import row went with its campaign
    }
    log("error", "lead_import_failed", { import_id: importId, error: error instanceof Error ? error.stack : String(error) });
    const missing = error instanceof UploadMissing;
    await finish(
      job,
      "failed",
      missing
        ? "The uploaded file is no longer available; upload it again — rows already imported are skipped"
        : "The import stopped unexpectedly after its last saved batch; upload the file again to finish it — rows already imported are skipped",
    ).catch((finishError: unknown) => {
      if (!(finishError instanceof LeaseLost)) throw finishError;
    });
  }
}
