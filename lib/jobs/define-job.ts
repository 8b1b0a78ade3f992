import "server-only";
// A job kind: its name, the zod schema of its payload and its handler, with retry and lease settings.
// Handlers must be idempotent: a job can run again after a crash, a lost lease or a retry.
import type { z } from "zod";

/** The job row as a handler sees it. */
export type JobInfo = {
  id: string;
  kind: string;
  organizationId: string | null;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
};

/** `signal` aborts when the job's lease is lost (another runner took it over) or the instance shuts
 *  down; the handler should stop at its next safe point. */
export type JobHandler<P> = (payload: P, job: JobInfo, signal: AbortSignal) => Promise<void>;

export type JobOptions = {
  /** Runs before the job is dead (default 5). */
  maxAttempts?: number;
  /** How long a claim holds without a heartbeat (default 60 s); the heartbeat renews it every third. */
  leaseMs?: number;
  /** First retry delay; doubled per attempt, with jitter (default 5 s). */
  backoffMs?: number;
};

export type JobDefinition<K extends string = string, S extends z.ZodType = z.ZodType> = {
  kind: K;
  schema: S;
  handler: JobHandler<z.output<S>>;
  maxAttempts: number;
  leaseMs: number;
  backoffMs: number;
};

export function defineJob<const K extends string, S extends z.ZodType>(
  kind: K,
  schema: S,
  handler: JobHandler<z.output<S>>,
  options: JobOptions = {},
): JobDefinition<K, S> {
  return {
    kind,
    schema,
    handler,
    maxAttempts: options.maxAttempts ?? 5,
    leaseMs: options.leaseMs ?? 60_000,
    backoffMs: options.backoffMs ?? 5_000,
  };
}
