import type { BadgeTone } from "@/components/ui/badge";
import type { CampaignStatus, CampaignType, LeadStatus, Weekday } from "@/lib/client/types";

export const CAMPAIGN_TYPE_LABELS: Record<CampaignType, string> = {
  outbound_sales: "Outbound sales",
  lead_nurturing: "Lead nurturing",
  appointment_setting: "Appointment setting",
  customer_service: "Customer service",
  survey: "Survey",
  event_promotion: "Event promotion",
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Draft",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const CAMPAIGN_STATUS_TONES: Record<CampaignStatus, BadgeTone> = {
  draft: "neutral",
  active: "success",
  paused: "warning",
  completed: "brand",
  cancelled: "danger",
};

export const LEAD_STATUS_TONES: Record<LeadStatus, BadgeTone> = {
  pending: "neutral",
  contacted: "brand",
  callback: "warning",
  converted: "success",
  not_interested: "neutral",
  do_not_call: "danger",
};

export const WEEKDAY_LABELS: Record<Weekday, { short: string; long: string }> = {
  mon: { short: "Mon", long: "Monday" },
  tue: { short: "Tue", long: "Tuesday" },
  wed: { short: "Wed", long: "Wednesday" },
  thu: { short: "Thu", long: "Thursday" },
  fri: { short: "Fri", long: "Friday" },
  sat: { short: "Sat", long: "Saturday" },
  sun: { short: "Sun", long: "Sunday" },
};
