import { methods, route } from "@/lib/api/handler";
import { listJobsQuery } from "@/lib/jobs/schemas";
import { listJobs } from "@/lib/jobs/list-jobs";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "jobs.view", query: listJobsQuery }, ({ ctx, query }) => listJobs(ctx, query)),
});
