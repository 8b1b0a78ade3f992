// The scheduler's trigger for due work (jobs, maintenance): Vercel Cron calls GET every minute
// (vercel.json), QStash may POST. One tick stops before its budget and leaves the rest to the next.
import { methods, route } from "@/lib/api/handler";
import { runDueWork } from "@/lib/jobs/run-due-work";

// A Vercel function may run this long; the tick's budget stays well inside it.
export const maxDuration = 60;
const TICK_BUDGET_MS = 45_000;

// hardStopMs: a job still running then is put back in the queue (not killed mid-batch by the platform).
const tick = route({ auth: "cron" }, async () => ({ budget_ms: TICK_BUDGET_MS, ...(await runDueWork(TICK_BUDGET_MS, { hardStopMs: 55_000 })) }));

export const { GET, POST, PUT, PATCH, DELETE } = methods({ GET: tick, POST: tick });
