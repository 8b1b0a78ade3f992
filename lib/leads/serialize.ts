import type { z } from "zod";
import type { leadImportResponse, leadResponse } from "@/lib/leads/operations";
import type { Lead, LeadImport, LeadImportError } from "@/lib/generated/prisma/client";

/** `suppressed`: the number is on the organization's active do-not-call list (lib/dnc/active-dnc.ts). */
export function serializeLead(lead: Lead, suppressed: boolean): z.output<typeof leadResponse> {
  const fullName = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || null;
  return {
    lead_id: lead.id,
    campaign_id: lead.campaignId,
    phone_number: lead.phone,
    first_name: lead.firstName,
    last_name: lead.lastName,
    full_name: fullName,
    email: lead.email,
    company: lead.company,
    timezone: lead.timezone,
    custom_fields: lead.customFields as Record<string, unknown>,
    status: lead.status,
    attempts: lead.attempts,
    last_attempt_at: lead.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: lead.nextAttemptAt?.toISOString() ?? null,
    last_outcome: lead.lastOutcome,
    suppressed,
    created_at: lead.createdAt.toISOString(),
  };
}

export function errorsUrl(imp: Pick<LeadImport, "id" | "campaignId">): string {
  return `/api/campaigns/${imp.campaignId}/leads/imports/${imp.id}/errors.csv`;
}

export function serializeImport(imp: LeadImport, errorCount: number, firstErrors?: LeadImportError[]): z.output<typeof leadImportResponse> {
  return {
    import_id: imp.id,
    campaign_id: imp.campaignId,
    file_name: imp.fileName,
    file_size: Number(imp.fileSize),
    status: imp.status,
    total_rows: imp.totalRows,
    processed_rows: imp.processedRows,
    percent_complete: imp.totalRows ? Math.round((1000 * imp.processedRows) / imp.totalRows) / 10 : 100,
    imported: imp.imported,
    updated: imp.updated,
    duplicates: imp.duplicates,
    invalid: imp.invalid,
    suppressed: imp.suppressed,
    duplicate_policy: imp.duplicatePolicy,
    default_country: imp.defaultCountry,
    mapping: imp.mapping as Record<string, string>,
    error_count: errorCount,
    ...(firstErrors
      ? { errors: firstErrors.map((e) => ({ row: e.rowNumber, kind: e.kind, column: e.column, value: e.value, reason: e.reason, name: e.name, email: e.email })) }
      : {}),
    errors_url: errorsUrl(imp),
    failure_reason: imp.failureReason,
    created_at: imp.createdAt.toISOString(),
    completed_at: imp.completedAt?.toISOString() ?? null,
  };
}
