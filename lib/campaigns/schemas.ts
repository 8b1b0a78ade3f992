// One schema for a campaign's settings and schedule: it validates API requests, types the services
// and drives the dashboard form. Stored settings are always complete (defaults filled at creation).
import { z } from "zod";
import { cursorParam, paginationQuery } from "@/lib/api/pagination";
import { timeZoneSchema } from "@/lib/users/schemas";

export const CAMPAIGN_TYPES = [
  "outbound_sales",
  "lead_nurturing",
  "appointment_setting",
  "customer_service",
  "survey",
  "event_promotion",
] as const;
export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "completed", "cancelled"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
const RANGE = { params: { code: "VALIDATION_003" } } as const;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Must be a time as HH:MM (24-hour)");

export const callingHoursSchema = z
  .strictObject({
    start: clock,
    end: clock,
    days: z.array(z.enum(WEEKDAYS)).min(1, "Pick at least one day").max(7),
  })
  .refine((h) => h.end > h.start, { message: "Must end after it starts", path: ["end"], ...RANGE })
  .refine((h) => new Set(h.days).size === h.days.length, { message: "Each day once", path: ["days"] });

const settingsFields = {
  max_calls_per_day: z.number().int().min(1).max(100_000),
  max_attempts_per_prospect: z.number().int().min(1).max(10),
  retry_delay_minutes: z.number().int().min(5).max(10_080),
  max_concurrent_calls: z.number().int().min(1).max(100),
  calling_hours: callingHoursSchema,
  timezone: timeZoneSchema,
  respect_lead_timezone: z.boolean(),
  recording: z.boolean(),
  transcription: z.boolean(),
  conversion_value: z.number().min(0).max(1_000_000_000),
  agent_id: z.string().min(1).max(64).nullable(),
  voice_id: z.string().min(1).max(64).nullable(),
};

/** Complete settings as stored and returned. */
export const campaignSettingsSchema = z.strictObject(settingsFields);
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;
/** What a client sends: any subset; the rest comes from the current settings or the defaults. */
export const campaignSettingsPatchSchema = z.strictObject(settingsFields).partial();
export type CampaignSettingsPatch = z.infer<typeof campaignSettingsPatchSchema>;

export const DEFAULT_SETTINGS: Omit<CampaignSettings, "timezone"> = {
  max_calls_per_day: 500,
  max_attempts_per_prospect: 3,
  retry_delay_minutes: 240,
  max_concurrent_calls: 5,
  calling_hours: { start: "09:00", end: "17:00", days: ["mon", "tue", "wed", "thu", "fri"] },
  respect_lead_timezone: true,
  recording: true,
  transcription: true,
  conversion_value: 0,
  agent_id: null,
  voice_id: null,
};

const sensibleYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
const instant = z.iso
  .datetime({ offset: true, message: "Must be an ISO 8601 date-time, e.g. 2026-01-20T09:00:00Z" })
  .refine(sensibleYear, { message: "Year must be between 1900 and 2999", params: { code: "VALIDATION_003" } });

export const campaignScheduleSchema = z
  .strictObject({ start_date: instant.nullable(), end_date: instant.nullable() })
  .refine((s) => !s.start_date || !s.end_date || Date.parse(s.end_date) > Date.parse(s.start_date), {
    message: "Must be after start_date",
    path: ["end_date"],
    ...RANGE,
  });
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;
export const campaignSchedulePatchSchema = z.strictObject({
  start_date: instant.nullable().optional(),
  end_date: instant.nullable().optional(),
});

export const campaignIdParams = z.object({ campaign_id: z.string().min(1).max(64) });

export const createCampaignSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  campaign_type: z.enum(CAMPAIGN_TYPES),
  settings: campaignSettingsPatchSchema.optional(),
  schedule: campaignSchedulePatchSchema.optional(),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    campaign_type: z.enum(CAMPAIGN_TYPES).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    settings: campaignSettingsPatchSchema.optional(),
    schedule: campaignSchedulePatchSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const listCampaignsQuery = paginationQuery(["created_at", "name", "status", "updated_at"]).extend({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  campaign_type: z.enum(CAMPAIGN_TYPES).optional(),
  search: z.string().trim().max(200).optional(),
  // Keyset pagination: next_cursor of a previous page (same sort and order).
  cursor: cursorParam,
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuery>;

export const dateOrInstant = z
  .union([
    z.iso.date({ message: "Must be an ISO date (2026-01-20) or date-time" }),
    z.iso.datetime({ offset: true, message: "Must be an ISO date (2026-01-20) or date-time" }),
  ])
  .refine(sensibleYear, { message: "Year must be between 1900 and 2999", params: { code: "VALIDATION_003" } });

export const campaignAnalyticsQuery = z
  .object({
    date_from: dateOrInstant.optional(),
    date_to: dateOrInstant.optional(),
    granularity: z.enum(["hour", "day", "week"]).default("day"),
  });
export type CampaignAnalyticsQuery = z.infer<typeof campaignAnalyticsQuery>;
