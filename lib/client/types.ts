// Wire shapes the dashboard reads, derived from the server's serializers and schemas where they exist
// so the two cannot drift; the rest follow the API contract field for field.
import type { Role } from "@/lib/auth/permissions";
import type { UserResponse } from "@/lib/users/serialize-user";
import type { ApiKeyResponse } from "@/lib/api-keys/serialize-api-key";
import type { CampaignResponse } from "@/lib/campaigns/serialize-campaign";
import type {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  WEEKDAYS,
  createCampaignSchema,
  updateCampaignSchema,
} from "@/lib/campaigns/schemas";
import type { LEAD_FIELDS, LEAD_STATUSES } from "@/lib/leads/schemas";
import type { serializeImport, serializeLead } from "@/lib/leads/serialize";
import type { DNC_SOURCES, createDncSchema } from "@/lib/dnc/schemas";
import type { DncResponse } from "@/lib/dnc/serialize-dnc";
import type { z } from "zod";

export type { Role };
export type UserStatus = "active" | "inactive";

export type UserPreferences = { timezone?: string; notifications?: boolean } & Record<string, unknown>;

export type User = Omit<UserResponse, "preferences" | "role" | "status"> & {
  role: Role;
  status: UserStatus;
  preferences: UserPreferences | null;
};

export type ApiKey = ApiKeyResponse;
/** Only the create response carries `key`, the secret; it is never returned again. */
export type CreatedApiKey = ApiKeyResponse & { key: string };

export type UserListFilters = {
  search?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  limit: number;
};

export type ApiKeyListFilters = {
  status?: "active" | "revoked";
  page: number;
  limit: number;
};

export type CreateUserBody = { email: string; name: string; role: Role; password: string };
export type UpdateUserBody = { name?: string; role?: Role; status?: UserStatus };
export type UpdateMeBody = { name?: string; preferences?: { timezone?: string; notifications?: boolean } };
export type CreateApiKeyBody = { name: string };

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

export type Campaign = Omit<CampaignResponse, "status" | "campaign_type"> & {
  status: CampaignStatus;
  campaign_type: CampaignType;
};

/** POST /api/campaigns replies with the new campaign's identity only. */
export type CreatedCampaign = { campaign_id: string; name: string; status: CampaignStatus; created_at: string };

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

export type Lead = Omit<ReturnType<typeof serializeLead>, "status" | "custom_fields"> & {
  status: LeadStatus;
  custom_fields: Record<string, unknown>;
};

export type LeadListFilters = { search?: string; status?: LeadStatus; page: number; limit: number };

/** The lead fields a CSV column can be mapped to; any other column is kept as a custom field. */
export type LeadField = (typeof LEAD_FIELDS)[number];
export type DuplicatePolicy = "skip" | "update";
export type ImportStatus = "processing" | "completed" | "failed";

type ImportResponse = ReturnType<typeof serializeImport>;

/** An import as listed in the history (the detail adds the first row errors). */
export type LeadImportSummary = Omit<ImportResponse, "status" | "duplicate_policy" | "mapping" | "errors"> & {
  status: ImportStatus;
  duplicate_policy: DuplicatePolicy;
  mapping: Record<string, LeadField>;
};

export type LeadImportRowError = { row: number; column: string | null; value: string | null; reason: string };

export type LeadImport = LeadImportSummary & { errors: LeadImportRowError[] };

export type StartedLeadImport = { import_id: string; status: ImportStatus; total_rows: number };

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

export type CampaignAnalytics = {
  summary: { total_calls: number; success_rate: number; conversion_rate: number; total_cost: number; revenue: number };
  time_series: Array<{ timestamp: string; calls: number; success_rate: number }>;
  granularity: AnalyticsGranularity;
  date_from: string;
  date_to: string;
  timezone: string;
};

export type DncSource = (typeof DNC_SOURCES)[number];

export type DncEntry = Omit<DncResponse, "source"> & { source: DncSource };

export type DncListFilters = { search?: string; source?: DncSource; page: number; limit: number };
export type AddDncBody = z.input<typeof createDncSchema>;
export type DncImportResult = {
  imported: number;
  duplicates: number;
  invalid: number;
  errors: Array<{ row: number; value: string | null; reason: string }>;
};
