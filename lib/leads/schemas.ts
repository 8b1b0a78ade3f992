import { z } from "zod";
import { cursorParam, paginationQuery } from "@/lib/api/pagination";
import { countryCodeSchema } from "@/lib/leads/country-code";

/** Lead fields a CSV column can map to; any other column is kept as a custom field. */
export const LEAD_FIELDS = ["phone_number", "first_name", "last_name", "full_name", "email", "company", "timezone"] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
export const LEAD_STATUSES = ["pending", "contacted", "converted", "not_interested", "callback", "do_not_call"] as const;

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;

const mappingSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Must be a JSON object of CSV column → lead field" });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1).max(200), z.enum(LEAD_FIELDS, { message: `Must be one of ${LEAD_FIELDS.join(", ")}` })));

/** The text fields of the multipart upload (the file itself is streamed separately). */
export const importLeadsFieldsSchema = z.object({
  mapping: mappingSchema.optional(),
  duplicate_policy: z.enum(["skip", "update"]).default("skip"),
  default_country: countryCodeSchema.optional(),
});
export type ImportLeadsFields = z.infer<typeof importLeadsFieldsSchema>;

export const importIdParams = z.object({ campaign_id: z.string().min(1).max(64), import_id: z.string().min(1).max(64) });

export const listLeadsQuery = paginationQuery(["created_at", "phone_number", "status", "last_attempt_at"]).extend({
  status: z.enum(LEAD_STATUSES).optional(),
  search: z.string().trim().max(200).optional(),
  // Keyset pagination for deep iteration (sort created_at or phone_number): next_cursor of a page.
  cursor: cursorParam,
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

export const listImportsQuery = paginationQuery(["created_at"]);
export type ListImportsQuery = z.infer<typeof listImportsQuery>;
