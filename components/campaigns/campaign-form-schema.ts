// The campaign form validates with the API's own schemas (lib/campaigns/schemas.ts), nested the way the
// request is, so a server error on "settings.max_calls_per_day" lands on the input of the same name.
// Only the schedule differs on screen: datetime-local inputs read and shown in the viewer's zone (the
// profile's, as every date in the dashboard), sent as UTC instants.
import type { Path } from "react-hook-form";
import { z } from "zod";
import { campaignScheduleSchema, campaignSettingsSchema, createCampaignSchema, DEFAULT_SETTINGS } from "@/lib/campaigns/schemas";
import { localTime, zonedInstant } from "@/lib/campaigns/calling-window";
import type { Campaign } from "@/lib/client/types";

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A datetime-local value ("2026-11-01T09:00") as the instant it names in a zone; null if unreadable. */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const instant = zonedInstant(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** An ISO instant as a datetime-local value in a zone ("" for none). */
export function toLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = localTime(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.date}T${pad(Math.floor(local.minuteOfDay / 60))}:${pad(local.minuteOfDay % 60)}`;
}

function scheduleInput(timeZone: string) {
  /** "" (no date) or a datetime-local value, read in `timeZone`. */
  const localDateTime = z.string().refine((value) => value === "" || fromLocalInput(value, timeZone) !== null, "Enter a valid date and time");
  const instant = (value: string) => (value ? fromLocalInput(value, timeZone) : null);
  return z
    .object({ start_date: localDateTime, end_date: localDateTime })
    .refine((s) => !s.start_date || !s.end_date || instant(s.end_date)! > instant(s.start_date)!, {
      message: "Must be after the start date",
      path: ["end_date"],
    })
    .transform((s) => ({
      start_date: instant(s.start_date)?.toISOString() ?? null,
      end_date: instant(s.end_date)?.toISOString() ?? null,
    }))
    .pipe(campaignScheduleSchema);
}

/** The form's schema, reading the schedule's date-times in the viewer's zone. */
export function campaignFormSchemaFor(timeZone: string) {
  return z.object({
    name: createCampaignSchema.shape.name,
    description: createCampaignSchema.shape.description.unwrap().unwrap(),
    campaign_type: createCampaignSchema.shape.campaign_type,
    // The voice picker is still to come; the API keeps the current voice.
    settings: campaignSettingsSchema.omit({ voice_id: true }),
    schedule: scheduleInput(timeZone),
  });
}

type CampaignFormSchema = ReturnType<typeof campaignFormSchemaFor>;
export type CampaignFormInput = z.input<CampaignFormSchema>;
export type CampaignFormOutput = z.output<CampaignFormSchema>;

export function newCampaignDefaults(timezone: string): CampaignFormInput {
  const { voice_id: _voice, calling_hours, ...settings } = DEFAULT_SETTINGS;
  return {
    name: "",
    description: "",
    campaign_type: "outbound_sales",
    settings: { ...settings, calling_hours: { ...calling_hours, days: [...calling_hours.days] }, timezone },
    schedule: { start_date: "", end_date: "" },
  };
}

export function campaignDefaults(campaign: Campaign, timeZone: string): CampaignFormInput {
  const { voice_id: _voice, calling_hours, ...settings } = campaign.settings;
  return {
    name: campaign.name,
    description: campaign.description ?? "",
    campaign_type: campaign.campaign_type,
    settings: { ...settings, calling_hours: { ...calling_hours, days: [...calling_hours.days] } },
    schedule: {
      start_date: toLocalInput(campaign.schedule.start_date, timeZone),
      end_date: toLocalInput(campaign.schedule.end_date, timeZone),
    },
  };
}

/** The request's field names (as the API reports them in details.fields) that have an input here. */
export const CAMPAIGN_FORM_FIELDS = [
  "name",
  "description",
  "campaign_type",
  "settings.agent_id",
  "settings.max_calls_per_day",
  "settings.max_attempts_per_prospect",
  "settings.retry_delay_minutes",
  "settings.max_concurrent_calls",
  "settings.calling_hours.start",
  "settings.calling_hours.end",
  "settings.calling_hours.days",
  "settings.timezone",
  "settings.respect_lead_timezone",
  "settings.recording",
  "settings.transcription",
  "settings.conversion_value",
  "schedule.start_date",
  "schedule.end_date",
] as const satisfies readonly Path<CampaignFormInput>[];
