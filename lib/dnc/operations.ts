// The do-not-call list as the OpenAPI document describes it (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { checkDncSchema, createDncSchema, DNC_SOURCES, dncIdParams, listDncQuery } from "@/lib/dnc/schemas";

export const dncEntryResponse = z
  .object({ dnc_id: z.string(), phone_number: z.string(), source: z.enum(DNC_SOURCES), reason: z.string().nullable(), expires_at: z.string().nullable(), created_at: z.string() })
  .meta({ id: "DncEntry" });

const checkResult = z.object({
  phone_number: z.string(),
  e164: z.string().nullable(),
  can_call: z.boolean(),
  reason: z.enum(["invalid_number", "do_not_call"]).nullable(),
  dnc_id: z.string().optional(),
  source: z.enum(DNC_SOURCES).optional(),
});

export const dncImportResponse = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), value: z.string(), reason: z.string() })),
});

export const DNC_OPERATIONS = defineOperations([
  { method: "GET", path: "/api/dnc", operationId: "listDncEntries", summary: "The organization's do-not-call list", tag: "Do not call", auth: "user", permission: "dnc.manage", query: listDncQuery, response: { kind: "json", status: 200, schema: dncEntryResponse, list: true } },
  { method: "POST", path: "/api/dnc", operationId: "addDncEntry", summary: "Put a number on the do-not-call list", tag: "Do not call", auth: "user", permission: "dnc.manage", body: createDncSchema, response: { kind: "json", status: 201, schema: dncEntryResponse }, errors: ["RESOURCE_002"] },
  { method: "DELETE", path: "/api/dnc/{dnc_id}", operationId: "removeDncEntry", summary: "Take a number off the do-not-call list", tag: "Do not call", auth: "user", permission: "dnc.manage", params: dncIdParams, response: { kind: "json", status: 200, schema: dncEntryResponse } },
  { method: "POST", path: "/api/dnc/check", operationId: "checkDnc", summary: "May these numbers be called?", tag: "Do not call", auth: "user", permission: "campaigns.view", body: checkDncSchema, response: { kind: "json", status: 200, schema: z.object({ results: z.array(checkResult) }) } },
  {
    method: "POST",
    path: "/api/dnc/import",
    operationId: "importDncList",
    summary: "Add numbers from a CSV file",
    tag: "Do not call",
    auth: "user",
    permission: "dnc.manage",
    multipart: { fields: z.object({}), fileField: "file", fileDescription: "A CSV with a phone column (and optionally a reason)" },
    response: { kind: "json", status: 200, schema: dncImportResponse },
  },
]);
