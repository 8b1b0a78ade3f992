import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { countryCodeSchema } from "@/lib/leads/country-code";

export const DNC_SOURCES = ["manual", "import", "opt_out", "api"] as const;

export const dncIdParams = z.object({ dnc_id: z.string().min(1).max(64) });

export const createDncSchema = z.strictObject({
  phone_number: z.string().trim().min(3).max(40),
  reason: z.string().trim().max(500).nullable().optional(),
  expires_at: z.iso
    .datetime({ offset: true, message: "Must be an ISO 8601 date-time" })
    .refine((v) => Number(v.slice(0, 4)) >= 1900 && Number(v.slice(0, 4)) <= 2999, {
      message: "Year must be between 1900 and 2999",
      params: { code: "VALIDATION_003" },
    })
    .nullable()
    .optional(),
  /** Where the entry came from; dashboard additions are "manual", integrations default to "api". */
  source: z.enum(["manual", "opt_out", "api"]).optional(),
});
export type CreateDncInput = z.infer<typeof createDncSchema>;

export const listDncQuery = paginationQuery(["created_at", "phone_number"]).extend({
  search: z.string().trim().max(40).optional(),
  source: z.enum(DNC_SOURCES).optional(),
});
export type ListDncQuery = z.infer<typeof listDncQuery>;

export const checkDncSchema = z.strictObject({
  phone_numbers: z.array(z.string().max(40)).min(1).max(1000),
  default_country: countryCodeSchema.optional(),
});
export type CheckDncInput = z.infer<typeof checkDncSchema>;
