import "server-only";
// Every job kind, in one place: the runner finds handlers here and enqueue() types payloads from it.
// A new kind is added to this list (and nowhere else).
import type { z } from "zod";
import type { JobDefinition } from "@/lib/jobs/define-job";
import { leadImportJob } from "@/lib/leads/lead-import-job";
import { voiceCloneJob } from "@/lib/voice/clone-voice-job";
import { copyRecordingJob } from "@/lib/calls/recording-job";
import { analyzeCallJob } from "@/lib/calls/analysis/analyze-call-job";
import { reconcileCallsJob } from "@/lib/calls/reconcile-job";
import { cleanupUploadsJob, purgeFinishedJobsJob, purgeIdempotencyJob, purgeSessionsJob } from "@/lib/jobs/maintenance-jobs";

export const JOBS = [leadImportJob, voiceCloneJob, copyRecordingJob, analyzeCallJob, reconcileCallsJob, cleanupUploadsJob, purgeIdempotencyJob, purgeSessionsJob, purgeFinishedJobsJob] as const;

type Definitions = (typeof JOBS)[number];
export type JobKind = Definitions["kind"];
export type JobPayload<K extends JobKind> = z.input<Extract<Definitions, { kind: K }>["schema"]>;

const byKind = new Map<string, JobDefinition>(JOBS.map((job) => [job.kind, job as unknown as JobDefinition]));

export function jobDefinition(kind: string): JobDefinition | undefined {
  return byKind.get(kind);
}
