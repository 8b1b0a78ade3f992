import { z } from "zod";
import { dateOrInstant } from "@/lib/campaigns/schemas";

export const dashboardQuery = z.object({
  date_from: dateOrInstant.optional().meta({ description: "Start: a date (local to the organization's time zone) or a date-time; default 29 days before date_to's day" }),
  date_to: dateOrInstant.optional().meta({ description: "End: a date (included) or a date-time (excluded); default now" }),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;
