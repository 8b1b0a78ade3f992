import { methods, route } from "@/lib/api/handler";
import { importIdParams } from "@/lib/leads/schemas";
import { getLeadImport } from "@/lib/leads/get-lead-import";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", params: importIdParams }, ({ ctx, params }) =>
    getLeadImport(ctx, params.campaign_id, params.import_id),
  ),
});
