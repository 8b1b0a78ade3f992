import { methods, route } from "@/lib/api/handler";
import { campaignIdParams, updateCampaignSchema } from "@/lib/campaigns/schemas";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", params: campaignIdParams }, ({ ctx, params }) => getCampaign(ctx, params.campaign_id)),
  PUT: route({ permission: "campaigns.update", params: campaignIdParams, body: updateCampaignSchema }, ({ ctx, params, body }) =>
    updateCampaign(ctx, params.campaign_id, body),
  ),
});
