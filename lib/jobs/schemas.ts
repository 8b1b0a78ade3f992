import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";

export const JOB_STATES = ["queued", "running", "done", "dead"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobIdParams = z.object({ job_id: z.string().min(1).max(64) });

export const listJobsQuery = paginationQuery(["created_at"]).extend({
  state: z.enum(JOB_STATES).optional(),
  kind: z.string().trim().min(1).max(100).optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

/** A job as the API shows it (`GET /api/jobs`, `POST /api/jobs/{id}/retry`). */
export const jobSchema = z.object({
  job_id: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  run_at: z.string(),
  locked_until: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
});
export type JobView = z.output<typeof jobSchema>;
