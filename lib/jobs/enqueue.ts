import "server-only";
// Adds a job inside the caller's transaction, so the job exists exactly when the change that causes it
// commits. A singleton key already held by an unfinished job makes this a no-op (returns null).
// After the commit, call kickWork() (lib/jobs/kick-work.ts) so the job starts without waiting.
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { jobDefinition, type JobKind, type JobPayload } from "@/lib/jobs/registry";
import { utc } from "@/lib/jobs/sql-time";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

export type EnqueueInput<K extends JobKind> = {
  kind: K;
  payload: JobPayload<K>;
  /** The tenant the work belongs to; null only for system-wide maintenance. */
  organizationId: string | null;
  runAt?: Date;
  singletonKey?: string;
  maxAttempts?: number;
};

export async function enqueue<K extends JobKind>(tx: Tx, input: EnqueueInput<K>): Promise<string | null> {
  const definition = jobDefinition(input.kind);
  if (!definition) throw new Error(`Unknown job kind "${input.kind}"`);
  // Refused here rather than at run time: a bad payload is a bug at the caller.
  const payload: unknown = definition.schema.parse(input.payload);
  const id = newId("job");
  const now = new Date();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO jobs (id, organization_id, kind, payload, max_attempts, run_at, singleton_key, created_at, updated_at)
    VALUES (${id}, ${input.organizationId}, ${input.kind}, ${JSON.stringify(payload)}::jsonb,
            ${input.maxAttempts ?? definition.maxAttempts}, ${utc(input.runAt ?? now)}, ${input.singletonKey ?? null},
            ${utc(now)}, ${utc(now)})
    ON CONFLICT (singleton_key) WHERE state IN ('queued', 'running') DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}
