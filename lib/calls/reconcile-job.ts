import "server-only";
// The reconciler (./reconcile-calls.ts: calls gone quiet, recordings whose callback was lost) as a
// periodic job, every minute (lib/jobs/periodic.ts). The
// sweep is imported when the job runs: it reaches the job registry through apply-status, and this file
// is part of that registry.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

export const reconcileCallsJob = defineJob("calls.reconcile", z.object({}).strict(), async () => {
  const { reconcileCalls, recoverRecordings } = await import("@/lib/calls/reconcile-calls");
  await reconcileCalls();
  await recoverRecordings();
});
