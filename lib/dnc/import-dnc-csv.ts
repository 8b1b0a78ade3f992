import "server-only";
// Bulk do-not-call additions from a CSV (a phone column, optionally a reason column), streamed and
// written in batches. Small enough to answer synchronously (10 MB cap); every bad row is reported.
import { ApiError } from "@/lib/api/errors";
import type { UploadedFile } from "@/lib/api/multipart";
import { db } from "@/lib/db/client";
import { newIds } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { detectDelimiter, readCsv } from "@/lib/leads/csv";
import { guessField } from "@/lib/leads/resolve-mapping";
import { normalizePhone } from "@/lib/phone/phone";

export const MAX_DNC_IMPORT_BYTES = 10 * 1024 * 1024;
const BATCH = 1000;
const REPORTED_ERRORS = 100;

export async function importDncCsv(ctx: AuthContext, file: UploadedFile | null) {
  if (!file) throw new ApiError("VALIDATION_001", "file: Required", { fields: [{ field: "file", code: "VALIDATION_001", message: "Required" }] });
  const prisma = await db();
  const delimiter = await detectDelimiter(file.path);
  let phoneIndex = -1;
  let reasonIndex = -1;
  let header = true;
  const counts = { imported: 0, duplicates: 0, invalid: 0 };
  const errors: { row: number; value: string; reason: string }[] = [];
  let batch: { phone: string; reason: string | null }[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const first = new Map<string, (typeof batch)[number]>();
    for (const entry of batch) if (!first.has(entry.phone)) first.set(entry.phone, entry);
    const unique = [...first.values()];
    counts.duplicates += batch.length - unique.length;
    // New numbers are added; an expired entry for a number is listed again (no expiry), a live one is a duplicate.
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO dnc_entries (id, organization_id, phone, source, reason, created_by_id, created_at)
      SELECT u.id, ${ctx.organization.id}, u.phone, 'import'::"DncSource", u.reason, ${ctx.user.id}, now()
      FROM unnest(${newIds("dnc", unique.length)}::text[], ${unique.map((b) => b.phone)}::text[], ${unique.map((b) => b.reason)}::text[])
           AS u(id, phone, reason)
      ON CONFLICT (organization_id, phone) DO UPDATE
        SET expires_at = NULL, source = 'import'::"DncSource", reason = COALESCE(EXCLUDED.reason, dnc_entries.reason), created_at = now()
        WHERE dnc_entries.expires_at IS NOT NULL AND dnc_entries.expires_at <= now()
      RETURNING id`;
    counts.imported += rows.length;
    counts.duplicates += unique.length - rows.length;
    batch = [];
  };

  const onSkip = ({ line, reason }: { line: number; reason: string }) => {
    counts.invalid += 1;
    if (errors.length < REPORTED_ERRORS) errors.push({ row: line, value: "", reason });
  };
  for await (const { line, cells } of readCsv(file.path, delimiter, onSkip)) {
    if (header) {
      header = false;
      const names = cells.map((c) => c.trim());
      phoneIndex = names.findIndex((n) => guessField(n) === "phone_number");
      reasonIndex = names.findIndex((n) => /^(reason|note|notes|comment)$/i.test(n));
      if (phoneIndex === -1) {
        throw new ApiError("VALIDATION_001", `No phone column found among: ${names.join(", ")}`, {
          fields: [{ field: "file", code: "VALIDATION_001", message: "Needs a phone column" }],
        });
      }
      continue;
    }
    const raw = (cells[phoneIndex] ?? "").trim();
    const phone = raw ? normalizePhone(raw, ctx.organization.defaultCountry) : null;
    if (!phone) {
      counts.invalid += 1;
      if (errors.length < REPORTED_ERRORS) errors.push({ row: line, value: raw, reason: raw ? "Not a valid phone number" : "Phone number is missing" });
      continue;
    }
    batch.push({ phone: phone, reason: reasonIndex >= 0 ? (cells[reasonIndex] ?? "").trim().slice(0, 500) || null : null });
    if (batch.length >= BATCH) await flush();
  }
  if (header) throw new ApiError("VALIDATION_002", "file: The file is empty", { fields: [{ field: "file", code: "VALIDATION_002", message: "Empty" }] });
  await flush();
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, ctx, "dnc.imported", { type: "dnc_list", id: ctx.organization.id }, { ...counts, file_name: file.filename });
  });
  return { ...counts, errors };
}
