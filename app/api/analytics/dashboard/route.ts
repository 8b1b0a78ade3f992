import { methods, route } from "@/lib/api/handler";
import { dashboardQuery } from "@/lib/analytics/schemas";
import { getDashboard } from "@/lib/analytics/get-dashboard";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "analytics.view", query: dashboardQuery }, ({ ctx, query }) => getDashboard(ctx, query)),
});
