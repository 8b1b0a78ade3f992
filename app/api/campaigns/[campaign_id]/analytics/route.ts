import { methods, route } from "@/lib/api/handler";
import { campaignAnalyticsQuery, campaignIdParams } from "@/lib/campaigns/schemas";
import { getCampaignAnalytics } from "@/lib/campaigns/get-campaign-analytics";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "analytics.view", params: campaignIdParams, query: campaignAnalyticsQuery }, ({ ctx, params, query }) =>
    getCampaignAnalytics(ctx, params.campaign_id, query),
  ),
});
