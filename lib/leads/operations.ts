// Leads and their imports as the OpenAPI document describes them (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { campaignIdParams } from "@/lib/campaigns/schemas";
import { importIdParams, importLeadsFieldsSchema, LEAD_STATUSES, listImportsQuery, listLeadsQuery } from "@/lib/leads/schemas";

export const leadResponse = z
  .object({
    lead_id: z.string(),
    campaign_id: z.string(),
    phone_number: z.string().meta({ description: "E.164" }),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    full_name: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    timezone: z.string().nullable(),
    custom_fields: z.record(z.string(), z.unknown()),
    status: z.enum(LEAD_STATUSES),
    attempts: z.number().int(),
    last_attempt_at: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    last_outcome: z.string().nullable(),
    suppressed: z.boolean().meta({ description: "The number is on the organization's do-not-call list now" }),
    created_at: z.string(),
  })
  .meta({ id: "Lead" });

const rowError = z.object({
  row: z.number().int().meta({ description: "The row's line in the file (the header is line 1)" }),
  kind: z.enum(["invalid", "duplicate", "suppressed"]).meta({ description: "invalid: not imported; duplicate: the number was already in the file or the campaign; suppressed: on the do-not-call list" }),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});

export const leadImportResponse = z
  .object({
    import_id: z.string(),
    campaign_id: z.string(),
    file_name: z.string(),
    file_size: z.number().int(),
    status: z.enum(["processing", "completed", "failed"]),
    total_rows: z.number().int(),
    processed_rows: z.number().int(),
    percent_complete: z.number(),
    imported: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int(),
    invalid: z.number().int(),
    suppressed: z.number().int(),
    duplicate_policy: z.enum(["skip", "update"]),
    default_country: z.string(),
    mapping: z.record(z.string(), z.string()),
    error_count: z.number().int().meta({ description: "Rows in the report: invalid, duplicate and suppressed" }),
    errors: z.array(rowError).optional().meta({ description: "The first row errors (one import's detail only); errors_url has them all" }),
    errors_url: z.string(),
    failure_reason: z.string().nullable(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: "LeadImport" });

export const leadImportStartedResponse = z.object({ import_id: z.string(), status: z.literal("processing"), total_rows: z.number().int() });

export const LEAD_OPERATIONS = defineOperations([
  { method: "GET", path: "/api/campaigns/{campaign_id}/leads", operationId: "listLeads", summary: "A campaign's leads", tag: "Leads", auth: "user", permission: "campaigns.view", params: campaignIdParams, query: listLeadsQuery, response: { kind: "json", status: 200, schema: leadResponse, list: true } },
  {
    method: "POST",
    path: "/api/campaigns/{campaign_id}/leads",
    operationId: "uploadLeads",
    summary: "Upload leads from a CSV file (processed after the 202)",
    description: "Up to 100 MB and 1,000,000 rows. Poll GET …/leads/imports/{import_id} for progress.",
    tag: "Leads",
    auth: "user",
    permission: "leads.import",
    params: campaignIdParams,
    multipart: { fields: importLeadsFieldsSchema, fileField: "file", fileDescription: "The CSV (UTF-8; comma, semicolon or tab separated)" },
    response: { kind: "json", status: 202, schema: leadImportStartedResponse },
    errors: ["RESOURCE_003"],
  },
  { method: "GET", path: "/api/campaigns/{campaign_id}/leads/imports", operationId: "listLeadImports", summary: "A campaign's lead imports", tag: "Leads", auth: "user", permission: "campaigns.view", params: campaignIdParams, query: listImportsQuery, response: { kind: "json", status: 200, schema: leadImportResponse, list: true } },
  { method: "GET", path: "/api/campaigns/{campaign_id}/leads/imports/{import_id}", operationId: "getLeadImport", summary: "One import's progress and counts", tag: "Leads", auth: "user", permission: "campaigns.view", params: importIdParams, response: { kind: "json", status: 200, schema: leadImportResponse } },
  {
    method: "GET",
    path: "/api/campaigns/{campaign_id}/leads/imports/{import_id}/errors.csv",
    operationId: "downloadLeadImportErrors",
    summary: "An import's report (invalid, duplicate and suppressed rows), as CSV",
    tag: "Leads",
    auth: "user",
    permission: "campaigns.view",
    params: importIdParams,
    response: { kind: "raw", status: 200, contentType: "text/csv", description: "row,kind,column,value,reason,name,email (formula-safe): every row not imported as a new lead" },
  },
]);
