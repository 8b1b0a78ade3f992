import { methods, route } from "@/lib/api/handler";
import { importIdParams } from "@/lib/leads/schemas";
import { importErrorsCsv } from "@/lib/leads/import-errors-csv";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", params: importIdParams }, ({ ctx, params }) =>
    importErrorsCsv(ctx, params.campaign_id, params.import_id),
  ),
});
