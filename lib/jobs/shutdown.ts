import "server-only";
// One process-wide signal for "this instance is going away" (SIGTERM on a deploy or restart): running
// jobs stop at their next safe point, and their rows go back to the queue for another instance.
const g = globalThis as typeof globalThis & { __vocelioShutdown?: AbortController };

export function shutdownSignal(): AbortSignal {
  if (!g.__vocelioShutdown) {
    g.__vocelioShutdown = new AbortController();
    const controller = g.__vocelioShutdown;
    process.once("SIGTERM", () => controller.abort());
  }
  return g.__vocelioShutdown.signal;
}
