import "server-only";
// The lead import as a durable job: enqueued with its lead_imports row, so it runs even if the
// instance that took the upload dies; an import interrupted on one instance is resumed on another
// when its lease expires (from its last committed batch: see run-lead-import.ts).
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { runLeadImport } from "@/lib/leads/run-lead-import";

export const leadImportJob = defineJob(
  "lead_import",
  z.object({ import_id: z.string().min(1).max(64) }),
  (payload, _job, signal) => runLeadImport(payload.import_id, signal),
  // An import records its own failures on its row; job retries only cover the database being away.
  { maxAttempts: 5, leaseMs: 60_000, backoffMs: 10_000 },
);
