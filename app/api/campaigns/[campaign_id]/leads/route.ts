import { accepted, methods, route } from "@/lib/api/handler";
import { campaignIdParams } from "@/lib/campaigns/schemas";
import { importLeadsFieldsSchema, listLeadsQuery, MAX_IMPORT_BYTES } from "@/lib/leads/schemas";
import { listLeads } from "@/lib/leads/list-leads";
import { startLeadImport } from "@/lib/leads/start-lead-import";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "campaigns.view", params: campaignIdParams, query: listLeadsQuery }, ({ ctx, params, query }) =>
    listLeads(ctx, params.campaign_id, query),
  ),
  POST: route(
    {
      permission: "leads.import",
      params: campaignIdParams,
      body: importLeadsFieldsSchema,
      multipart: { fileField: "file", maxFileBytes: MAX_IMPORT_BYTES },
    },
    async ({ ctx, params, body, file }) => accepted(await startLeadImport(ctx, params.campaign_id, body, file)),
  ),
});
