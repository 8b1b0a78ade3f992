// Durable work as the OpenAPI document describes it (schemas from ./schemas.ts).
import { defineOperations } from "@/lib/api/openapi/operation";
import { jobIdParams, jobSchema, listJobsQuery } from "@/lib/jobs/schemas";

const job = jobSchema.meta({ id: "Job" });

export const JOB_OPERATIONS = defineOperations([
  { method: "GET", path: "/api/jobs", operationId: "listJobs", summary: "Your organization's background jobs (newest first)", tag: "System", auth: "user", permission: "jobs.view", query: listJobsQuery, response: { kind: "json", status: 200, schema: job, list: true } },
  { method: "POST", path: "/api/jobs/{job_id}/retry", operationId: "retryJob", summary: "Run a dead job again", tag: "System", auth: "user", permission: "jobs.manage", params: jobIdParams, response: { kind: "json", status: 200, schema: job }, errors: ["RESOURCE_002", "RESOURCE_003"] },
]);
