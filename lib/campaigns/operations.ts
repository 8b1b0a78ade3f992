// The spec's Campaign Service as the OpenAPI document describes it (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  campaignAnalyticsQuery,
  campaignIdParams,
  campaignScheduleSchema,
  campaignSettingsSchema,
  createCampaignSchema,
  listCampaignsQuery,
  updateCampaignSchema,
} from "@/lib/campaigns/schemas";

const rate = z.number().nullable().meta({ description: "A percentage; null before there is anything to measure" });

export const campaignResponse = z
  .object({
    campaign_id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    campaign_type: z.enum(CAMPAIGN_TYPES),
    status: z.enum(CAMPAIGN_STATUSES),
    progress: z.object({ total_prospects: z.number().int(), contacted: z.number().int(), progress_percentage: z.number() }),
    performance: z.object({ success_rate: rate, conversion_rate: rate, roi: z.number().nullable().meta({ description: "(revenue − cost) / cost; null while nothing was spent" }) }),
    settings: campaignSettingsSchema,
    schedule: campaignScheduleSchema,
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Campaign" });

export const campaignAnalyticsResponse = z
  .object({
    summary: z.object({ total_calls: z.number().int(), success_rate: z.number(), conversion_rate: z.number(), total_cost: z.number(), revenue: z.number() }),
    time_series: z.array(z.object({ timestamp: z.string(), calls: z.number().int(), success_rate: z.number() })),
    granularity: z.enum(["hour", "day", "week"]),
    date_from: z.string(),
    date_to: z.string(),
    timezone: z.string(),
  })
  .meta({ id: "CampaignAnalytics" });

export const CAMPAIGN_OPERATIONS = defineOperations([
  {
    method: "POST",
    path: "/api/campaigns",
    operationId: "createCampaign",
    summary: "Create a campaign (as a draft)",
    tag: "Campaigns",
    auth: "user",
    permission: "campaigns.create",
    body: createCampaignSchema,
    example: {
      name: "Q1 Sales Campaign",
      description: "Outbound sales campaign for Q1",
      campaign_type: "outbound_sales",
      settings: { max_calls_per_day: 1000, max_attempts_per_prospect: 3, calling_hours: { start: "09:00", end: "17:00", days: ["mon", "tue", "wed", "thu", "fri"] }, timezone: "America/New_York" },
      schedule: { start_date: "2026-01-20T09:00:00Z", end_date: "2026-03-31T17:00:00Z" },
    },
    // The spec's create reply: the new campaign's id, name, status and creation time.
    response: { kind: "json", status: 201, schema: campaignResponse.pick({ campaign_id: true, name: true, status: true, created_at: true }).meta({ id: "CreatedCampaign" }) },
  },
  { method: "GET", path: "/api/campaigns", operationId: "listCampaigns", summary: "Campaigns of your organization", tag: "Campaigns", auth: "user", permission: "campaigns.view", query: listCampaignsQuery, response: { kind: "json", status: 200, schema: campaignResponse, list: true } },
  { method: "GET", path: "/api/campaigns/{campaign_id}", operationId: "getCampaign", summary: "One campaign with its progress and performance", tag: "Campaigns", auth: "user", permission: "campaigns.view", params: campaignIdParams, response: { kind: "json", status: 200, schema: campaignResponse } },
  {
    method: "PUT",
    path: "/api/campaigns/{campaign_id}",
    operationId: "updateCampaign",
    summary: "Change a campaign's fields or status",
    description: "Status moves: draft → active | cancelled; active → paused | completed | cancelled; paused → active | completed | cancelled. A refused move is RESOURCE_003 with `details.allowed`.",
    tag: "Campaigns",
    auth: "user",
    permission: "campaigns.update",
    params: campaignIdParams,
    body: updateCampaignSchema,
    response: { kind: "json", status: 200, schema: campaignResponse },
    errors: ["RESOURCE_003"],
  },
  {
    method: "GET",
    path: "/api/campaigns/{campaign_id}/analytics",
    operationId: "getCampaignAnalytics",
    summary: "Calls and rates over time, in the campaign's time zone",
    tag: "Campaigns",
    auth: "user",
    permission: "analytics.view",
    params: campaignIdParams,
    query: campaignAnalyticsQuery,
    response: { kind: "json", status: 200, schema: campaignAnalyticsResponse },
  },
]);
