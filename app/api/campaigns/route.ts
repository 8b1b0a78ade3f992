import { created, methods, route } from "@/lib/api/handler";
import { createCampaignSchema, listCampaignsQuery } from "@/lib/campaigns/schemas";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", query: listCampaignsQuery }, ({ ctx, query }) => listCampaigns(ctx, query)),
  POST: route({ permission: "campaigns.create", body: createCampaignSchema }, async ({ ctx, body }) =>
    created(await createCampaign(ctx, body)),
  ),
});
