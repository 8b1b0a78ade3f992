import { methods, route } from "@/lib/api/handler";
import { campaignIdParams } from "@/lib/campaigns/schemas";
import { listImportsQuery } from "@/lib/leads/schemas";
import { listLeadImports } from "@/lib/leads/list-lead-imports";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", params: campaignIdParams, query: listImportsQuery }, ({ ctx, params, query }) =>
    listLeadImports(ctx, params.campaign_id, query),
  ),
});
