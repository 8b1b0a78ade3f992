import "server-only";
// Work that outlives its request (a lead import after its 202). Inside Next, `after()` keeps the
// function alive once the response is sent (serverless platforms included); outside a request
// (scripts, tests) the promise simply runs. Tests await `drainBackgroundJobs()`.
import { after } from "next/server";
import { log } from "@/lib/api/log";

const running = new Set<Promise<void>>();
const g = globalThis as typeof globalThis & { __vocelioShutdown?: AbortController };

/** Aborted on SIGTERM (a deploy or restart): jobs stop at a safe point and are resumed later. */
export function shutdownSignal(): AbortSignal {
  if (!g.__vocelioShutdown) {
    g.__vocelioShutdown = new AbortController();
    const controller = g.__vocelioShutdown;
    process.once("SIGTERM", () => controller.abort());
  }
  return g.__vocelioShutdown.signal;
}

export function runInBackground(name: string, job: () => Promise<void>): void {
  const promise = job().catch((error: unknown) => {
    log("error", "background_job_failed", { job: name, error: error instanceof Error ? error.stack : String(error) });
  });
  running.add(promise);
  void promise.finally(() => running.delete(promise));
  try {
    after(() => promise);
  } catch {
    // Not inside a request scope: nothing to extend.
  }
}

export async function drainBackgroundJobs(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
