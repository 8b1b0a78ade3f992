// Runs once when a Next server starts. Long-running servers sweep for lead imports whose job died
// (crash, restart) and resume them; serverless deployments rely on readers and the cron instead.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.VERCEL) return;
  const { removeOrphanedImportFiles, resumeStaleImports } = await import("@/lib/leads/resume-stale-imports");
  const { log } = await import("@/lib/api/log");
  const sweep = () =>
    Promise.all([resumeStaleImports(), removeOrphanedImportFiles()]).then(
      ([resumed, removed]) => (resumed || removed) && log("info", "lead_import_sweep", { resumed, removed }),
      (error: unknown) => log("warn", "lead_import_sweep_failed", { error: String(error) }),
    );
  setInterval(sweep, 60_000).unref();
  setTimeout(sweep, 5_000).unref();
}
