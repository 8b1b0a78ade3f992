// The Overview's data: the organization's headline figures (GET /api/analytics/dashboard), typed
// from the server's response schema.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-client";
import type { dashboardResponse } from "@/lib/analytics/operations";

export type Dashboard = z.output<typeof dashboardResponse>;

export const dashboardKeys = {
  all: ["analytics", "dashboard"] as const,
  period: (range: { date_from?: string; date_to?: string }) => [...dashboardKeys.all, range] as const,
};

export function useDashboard(range: { date_from?: string; date_to?: string } = {}) {
  return useQuery({
    queryKey: dashboardKeys.period(range),
    queryFn: ({ signal }) => apiFetch<Dashboard>("/api/analytics/dashboard", { query: range, signal }),
  });
}
