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

export type LeadStatus = "pending" | "contacted" | "converted" | "not_interested" | "callback" | "do_not_call";

export type Lead = {
  lead_id: string;
  campaign_id: string;
  phone_number: string;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  email: string | null;
  company: string | null;
  timezone: string | null;
  custom_fields: Record<string, unknown>;
  status: LeadStatus;
  attempts: number;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  last_outcome: string | null;
  created_at: string;
};

export type LeadListFilters = { search?: string; status?: LeadStatus; page: number; limit: number };

/** The lead fields a CSV column can be mapped to; any other column is kept as a custom field. */
export type LeadField = "phone_number" | "first_name" | "last_name" | "full_name" | "email" | "company" | "timezone";
export type DuplicatePolicy = "skip" | "update";
export type ImportStatus = "processing" | "completed" | "failed";

/** An import as listed in the history (the detail adds the first row errors). */
export type LeadImportSummary = {
  import_id: string;
  campaign_id: string;
  file_name: string;
  file_size: number;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  percent_complete: number;
  imported: number;
  updated: number;
  duplicates: number;
  invalid: number;
  suppressed: number;
  duplicate_policy: DuplicatePolicy;
  default_country: string;
  mapping: Record<string, LeadField>;
  error_count: number;
  errors_url?: string;
  failure_reason: string | null;
  created_at: string;
  completed_at: string | null;
};

export type LeadImportRowError = { row: number; column: string | null; value: string | null; reason: string };

export type LeadImport = LeadImportSummary & { errors: LeadImportRowError[]; errors_url: string };

export type StartedLeadImport = { import_id: string; status: ImportStatus; total_rows: number };

export type UploadLeadsInput = {
  file: File;
  mapping: Record<string, LeadField>;
  duplicatePolicy: DuplicatePolicy;
  defaultCountry: string;
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

export type DncSource = "manual" | "import" | "opt_out" | "api";

export type DncEntry = {
  dnc_id: string;
  phone_number: string;
  source: DncSource;
  reason: string | null;
  expires_at: string | null;
  created_at: string;
};

export type DncListFilters = { search?: string; source?: DncSource; page: number; limit: number };
export type AddDncBody = { phone_number: string; reason?: string; expires_at?: string };
export type DncImportResult = {
  imported: number;
  duplicates: number;
  invalid: number;
  errors: Array<{ row: number; value: string | null; reason: string }>;
};
