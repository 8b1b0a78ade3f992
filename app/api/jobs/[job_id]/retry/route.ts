import { methods, route } from "@/lib/api/handler";
import { jobIdParams } from "@/lib/jobs/schemas";
import { retryJob } from "@/lib/jobs/retry-job";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "jobs.manage", params: jobIdParams }, ({ ctx, params }) => retryJob(ctx, params.job_id)),
});
