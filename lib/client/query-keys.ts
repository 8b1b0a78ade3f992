import type {
  ApiKeyListFilters,
  CampaignAnalyticsFilters,
  CampaignListFilters,
  DncListFilters,
  LeadListFilters,
  PageFilters,
  UserListFilters,
} from "@/lib/client/types";
import type { JobListFilters } from "@/lib/client/hooks/use-jobs";

/** Every react-query key in one place; invalidating a prefix (e.g. `users.all`) refreshes all its lists. */
export const queryKeys = {
  me: ["me"] as const,
  users: {
    all: ["users"] as const,
    lists: () => [...queryKeys.users.all, "list"] as const,
    list: (filters: UserListFilters) => [...queryKeys.users.lists(), filters] as const,
  },
  apiKeys: {
    all: ["api-keys"] as const,
    lists: () => [...queryKeys.apiKeys.all, "list"] as const,
    list: (filters: ApiKeyListFilters) => [...queryKeys.apiKeys.lists(), filters] as const,
  },
  campaigns: {
    all: ["campaigns"] as const,
    lists: () => [...queryKeys.campaigns.all, "list"] as const,
    list: (filters: CampaignListFilters) => [...queryKeys.campaigns.lists(), filters] as const,
    /** One campaign and everything under it (leads, imports, analytics) share this prefix. */
    detail: (campaignId: string) => [...queryKeys.campaigns.all, "detail", campaignId] as const,
    leads: (campaignId: string, filters: LeadListFilters) =>
      [...queryKeys.campaigns.detail(campaignId), "leads", filters] as const,
    imports: (campaignId: string, filters: PageFilters) =>
      [...queryKeys.campaigns.detail(campaignId), "imports", filters] as const,
    import: (campaignId: string, importId: string) =>
      [...queryKeys.campaigns.detail(campaignId), "import", importId] as const,
    analytics: (campaignId: string, filters: CampaignAnalyticsFilters) =>
      [...queryKeys.campaigns.detail(campaignId), "analytics", filters] as const,
  },
  dnc: {
    all: ["dnc"] as const,
    lists: () => [...queryKeys.dnc.all, "list"] as const,
    list: (filters: DncListFilters) => [...queryKeys.dnc.lists(), filters] as const,
  },
  jobs: {
    all: ["jobs"] as const,
    list: (filters: JobListFilters) => [...queryKeys.jobs.all, "list", filters] as const,
    counts: () => [...queryKeys.jobs.all, "counts"] as const,
  },
};
