// Runs once when a Next server starts. Long-running servers run due jobs (lib/jobs) on an interval;
// on Vercel the cron route (GET /api/cron/tick) and kicks after enqueues do it instead.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.VERCEL) return;
  // Before any request: the TCP peer's address for per-address limits, TRACE & co. refused enveloped.
  const { installServerGuards } = await import("@/lib/api/server-guards");
  installServerGuards();
  const { pumpWork, WORK_INTERVAL_MS } = await import("@/lib/jobs/kick-work");
  const { shutdownSignal } = await import("@/lib/jobs/shutdown");
  // Listening early: SIGTERM then stops running jobs at a safe point and returns them to the queue.
  shutdownSignal();
  setInterval(() => void pumpWork(), WORK_INTERVAL_MS).unref();
  setTimeout(() => void pumpWork(), 5_000).unref();
  // The offline intent model trains on first use (~1 s of CPU): do it now, not in a caller's first turn.
  setTimeout(
    () =>
      void import("@/lib/agents/understanding/understand")
        .then(({ intentModel }) => intentModel())
        // Not fatal: the first turn that needs the model trains it (and reports a failure there).
        .catch((error: unknown) => console.error(JSON.stringify({ level: "error", msg: "intent model warm-up failed", error: String(error) }))),
    2_000,
  ).unref();
}
