import "server-only";
// The in-process triggers of runDueWork. One "pump" per process runs ticks until nothing is due;
// kickWork() starts it right after a request enqueued something (kept alive past the response by
// `after()` where there is a request, serverless included), and long-running servers also pump on
// an interval (instrumentation.ts). Vercel Cron (GET /api/cron/tick) is the trigger of last resort.
import { after } from "next/server";
import { log } from "@/lib/api/log";
import { runDueWork } from "@/lib/jobs/run-due-work";
import { shutdownSignal } from "@/lib/jobs/shutdown";

/** Claiming budget of one tick started in-process (jobs already running finish past it). */
export const KICK_BUDGET_MS = 25_000;
/** On Vercel a kick lives inside the request's function (via after()), which the platform ends:
 *  running jobs are stopped and requeued before that (see RunDueWorkOptions.hardStopMs). */
const SERVERLESS_HARD_STOP_MS = 50_000;
/** Interval of the long-running server's pump. */
export const WORK_INTERVAL_MS = 15_000;

const g = globalThis as typeof globalThis & { __vocelioPump?: Promise<void>; __vocelioPumpAgain?: boolean };

/** Runs ticks until one claims nothing; a second call while it runs just asks for another pass. */
export function pumpWork(): Promise<void> {
  if (g.__vocelioPump) {
    g.__vocelioPumpAgain = true;
    return g.__vocelioPump;
  }
  g.__vocelioPump = (async () => {
    try {
      for (;;) {
        g.__vocelioPumpAgain = false;
        const result = await runDueWork(KICK_BUDGET_MS, process.env.VERCEL ? { hardStopMs: SERVERLESS_HARD_STOP_MS } : {});
        if (shutdownSignal().aborted || (result.claimed === 0 && !g.__vocelioPumpAgain)) break;
      }
    } catch (error) {
      log("error", "job_pump_failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      g.__vocelioPump = undefined;
    }
  })();
  return g.__vocelioPump;
}

/** Call after the transaction that enqueued a job has committed. */
export function kickWork(): void {
  const running = pumpWork();
  try {
    after(() => running);
  } catch {
    // Outside a request (a script, a test): the promise simply runs.
  }
}

/** Resolves once this process's pump is idle (tests use it before running due work themselves). */
export async function workIdle(): Promise<void> {
  while (g.__vocelioPump) await g.__vocelioPump;
}
