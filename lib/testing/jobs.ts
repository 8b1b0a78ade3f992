// Tests run durable work explicitly: wait for any in-process pump a route started (kickWork), then
// run ticks until nothing is due. Jobs waiting for a retry's backoff are not due, so this returns.
import { runDueWork, type RunDueWorkOptions, type RunDueWorkResult } from "@/lib/jobs/run-due-work";
import { workIdle } from "@/lib/jobs/kick-work";

export async function runAllDueWork(options: RunDueWorkOptions = {}): Promise<RunDueWorkResult> {
  const total: RunDueWorkResult = { claimed: 0, done: 0, retried: 0, dead: 0 };
  await workIdle();
  for (let tick = 0; tick < 200; tick++) {
    const result = await runDueWork(60_000, options);
    for (const k of ["claimed", "done", "retried", "dead"] as const) total[k] += result[k];
    if (result.claimed === 0) {
      await workIdle();
      return total;
    }
  }
  throw new Error("Jobs were still due after 200 ticks: a job keeps rescheduling itself");
}
