// The spec's Analytics Service as the OpenAPI document describes it.
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { dashboardQuery } from "@/lib/analytics/schemas";

const trend = z.string().nullable().meta({ description: "Change against the previous period of the same length, e.g. \"+12.5%\"; null when the previous period has nothing to compare with" });

export const dashboardResponse = z
  .object({
    summary: z.object({
      total_calls: z.number().int(),
      success_rate: z.number().nullable().meta({ description: "Answered ÷ placed, in percent; null before any call in the period" }),
      total_revenue: z.number(),
      active_campaigns: z.number().int().meta({ description: "Campaigns active now" }),
    }),
    trends: z.object({
      calls_trend: trend,
      success_rate_trend: trend.meta({ description: "Change of the success rate in percentage points against the previous period" }),
      revenue_trend: trend,
    }),
    top_campaigns: z
      .array(
        z.object({
          campaign_id: z.string(),
          name: z.string(),
          performance: z.number().nullable().meta({ description: "Conversion rate in the period (converted ÷ answered, percent); null before any answered call" }),
          calls: z.number().int(),
          conversions: z.number().int(),
          success_rate: z.number().nullable(),
          revenue: z.number(),
        }),
      )
      .meta({ description: "Up to five campaigns with calls in the period, by conversions, then revenue, then calls" }),
    date_from: z.string(),
    date_to: z.string(),
    previous_date_from: z.string().meta({ description: "Start of the comparison period, which ends at date_from" }),
    timezone: z.string().meta({ description: "The organization's time zone, in which date-only bounds are read" }),
  })
  .meta({ id: "AnalyticsDashboard" });

export const ANALYTICS_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/analytics/dashboard",
    operationId: "getAnalyticsDashboard",
    summary: "The organization's headline figures for a period, with trends against the period before",
    description:
      "Figures cover calls placed by the organization's campaigns in [date_from, date_to). Trends compare with the period of the same length that ends at date_from.",
    tag: "Analytics",
    auth: "user",
    permission: "analytics.view",
    query: dashboardQuery,
    response: { kind: "json", status: 200, schema: dashboardResponse },
  },
]);
