// The campaign form validates with the API's own schemas (lib/campaigns/schemas.ts), nested the way the
// request is, so a server error on "settings.max_calls_per_day" lands on the input of the same name.
// Only the schedule differs on screen: datetime-local inputs in the browser's zone, sent as UTC.
import type { Path } from "react-hook-form";
import { z } from "zod";
import { campaignScheduleSchema, campaignSettingsSchema, createCampaignSchema, DEFAULT_SETTINGS } from "@/lib/campaigns/schemas";
import type { Campaign } from "@/lib/client/types";

function isLocalDateTime(value: string): boolean {
  return value === "" || !Number.isNaN(new Date(value).getTime());
}

/** "" (no date) or a datetime-local value; `new Date("2026-11-01T09:00")` reads it in local time. */
const localDateTime = z.string().refine(isLocalDateTime, "Enter a valid date and time");

const scheduleInput = z
  .object({ start_date: localDateTime, end_date: localDateTime })
  .refine((s) => !s.start_date || !s.end_date || new Date(s.end_date) > new Date(s.start_date), {
    message: "Must be after the start date",
    path: ["end_date"],
  })
  .transform((s) => ({
    start_date: s.start_date ? new Date(s.start_date).toISOString() : null,
    end_date: s.end_date ? new Date(s.end_date).toISOString() : null,
  }))
  .pipe(campaignScheduleSchema);

export const campaignFormSchema = z.object({
  name: createCampaignSchema.shape.name,
  description: createCampaignSchema.shape.description.unwrap().unwrap(),
  campaign_type: createCampaignSchema.shape.campaign_type,
  // The agent and voice pickers arrive with the voice release; the API keeps their current values.
  settings: campaignSettingsSchema.omit({ agent_id: true, voice_id: true }),
  schedule: scheduleInput,
});

export type CampaignFormInput = z.input<typeof campaignFormSchema>;
export type CampaignFormOutput = z.output<typeof campaignFormSchema>;

/** An ISO instant as a datetime-local value in the browser's time zone ("" for none). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function newCampaignDefaults(timezone: string): CampaignFormInput {
  const { agent_id: _agent, voice_id: _voice, calling_hours, ...settings } = DEFAULT_SETTINGS;
  return {
    name: "",
    description: "",
    campaign_type: "outbound_sales",
    settings: { ...settings, calling_hours: { ...calling_hours, days: [...calling_hours.days] }, timezone },
    schedule: { start_date: "", end_date: "" },
  };
}

export function campaignDefaults(campaign: Campaign): CampaignFormInput {
  const { agent_id: _agent, voice_id: _voice, calling_hours, ...settings } = campaign.settings;
  return {
    name: campaign.name,
    description: campaign.description ?? "",
    campaign_type: campaign.campaign_type,
    settings: { ...settings, calling_hours: { ...calling_hours, days: [...calling_hours.days] } },
    schedule: {
      start_date: toLocalInput(campaign.schedule.start_date),
      end_date: toLocalInput(campaign.schedule.end_date),
    },
  };
}

/** The request's field names (as the API reports them in details.fields) that have an input here. */
export const CAMPAIGN_FORM_FIELDS = [
  "name",
  "description",
  "campaign_type",
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
