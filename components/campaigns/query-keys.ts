import type { CampaignAnalyticsFilters, CampaignListFilters, LeadListFilters, PageFilters } from "@/lib/client/types";

/** Invalidating `campaignKeys.all` refreshes every campaign list and everything under each campaign. */
export const campaignKeys = {
  all: ["campaigns"] as const,
  lists: () => [...campaignKeys.all, "list"] as const,
  list: (filters: CampaignListFilters) => [...campaignKeys.lists(), filters] as const,
  /** One campaign and everything under it (leads, imports, analytics) share this prefix. */
  detail: (campaignId: string) => [...campaignKeys.all, "detail", campaignId] as const,
  leads: (campaignId: string, filters: LeadListFilters) => [...campaignKeys.detail(campaignId), "leads", filters] as const,
  imports: (campaignId: string, filters: PageFilters) => [...campaignKeys.detail(campaignId), "imports", filters] as const,
  import: (campaignId: string, importId: string) => [...campaignKeys.detail(campaignId), "import", importId] as const,
  analytics: (campaignId: string, filters: CampaignAnalyticsFilters) =>
    [...campaignKeys.detail(campaignId), "analytics", filters] as const,
};
