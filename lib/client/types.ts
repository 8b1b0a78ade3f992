// Wire shapes the dashboard reads and sends, taken from the server's zod schemas — the response schemas
// in lib/<domain>/operations.ts (the serializers are typed by them, and the OpenAPI document is built
// from them) and the request schemas the routes validate with — so client and server cannot drift.
// Only client-side state (list filters) is written here. Kept here: the signed-in user, and campaigns
// with their leads, imports and analytics (lib/client/lead-fields.ts reads those too); the users,
// API-keys and do-not-call areas keep theirs beside them in components/<area>/types.ts.
import type { Role } from "@/lib/auth/permissions";
import type { userResponse } from "@/lib/users/operations";
import type { campaignAnalyticsResponse, campaignResponse } from "@/lib/campaigns/operations";
import type { leadImportResponse, leadImportStartedResponse, leadResponse } from "@/lib/leads/operations";
import type { updateMeSchema } from "@/lib/users/schemas";
import type {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  WEEKDAYS,
  createCampaignSchema,
  updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import type { LEAD_FIELDS, LEAD_STATUSES } from "@/lib/leads/schemas";
import type { z } from "zod";


export type { Role };

export type UserPreferences = { timezone?: string; notifications?: boolean } & Record<string, unknown>;

export type User = Omit<z.output<typeof userResponse>, "preferences"> & { preferences: UserPreferences | null };

export type UpdateMeBody = z.input<typeof updateMeSchema>;

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

export type Campaign = z.output<typeof campaignResponse>;

/** POST /api/campaigns replies with the new campaign's identity only. */
export type CreatedCampaign = Pick<Campaign, "campaign_id" | "name" | "status" | "created_at">;

export type CreateCampaignBody = z.input<typeof createCampaignSchema>;
export type UpdateCampaignBody = z.input<typeof updateCampaignSchema>;

export type CampaignListFilters = {
  search?: string;
  status?: CampaignStatus;
  campaign_type?: CampaignType;
  page: number;
  limit: number;
};

export type LeadStatus = (typeof LEAD_STATUSES)[number];

export type Lead = z.output<typeof leadResponse>;

export type LeadListFilters = { search?: string; status?: LeadStatus; page: number; limit: number };

/** The lead fields a CSV column can be mapped to; any other column is kept as a custom field. */
export type LeadField = (typeof LEAD_FIELDS)[number];
export type DuplicatePolicy = "skip" | "update";
export type ImportStatus = "processing" | "completed" | "failed";

type ImportResponse = z.output<typeof leadImportResponse>;

/** An import as listed in the history (the detail adds the first row errors). */
export type LeadImportSummary = Omit<ImportResponse, "mapping" | "errors"> & { mapping: Record<string, LeadField> };

export type LeadImportRowError = NonNullable<ImportResponse["errors"]>[number];

export type LeadImport = LeadImportSummary & { errors: LeadImportRowError[] };

export type StartedLeadImport = z.output<typeof leadImportStartedResponse>;

export type UploadLeadsInput = {
  file: File;
  mapping: Record<string, LeadField>;
  duplicatePolicy: DuplicatePolicy;
  defaultCountry: string;
  signal?: AbortSignal;
};

export type PageFilters = { page: number; limit: number };

export type AnalyticsGranularity = "hour" | "day" | "week";

export type CampaignAnalyticsFilters = { date_from?: string; date_to?: string; granularity: AnalyticsGranularity };

export type CampaignAnalytics = z.output<typeof campaignAnalyticsResponse>;
