import "server-only";
// An import still "processing" whose heartbeat went quiet died with its process (or stalled): it is
// claimed by moving its heartbeat (the job's lease, see run-lead-import.ts) and resumed. Readers of an
// import trigger this, and so does a sweep every minute in long-running servers (instrumentation.ts),
// so no import stays "processing" because nobody polls it.
import { db } from "@/lib/db/client";
import { runInBackground } from "@/lib/jobs/background";
import { IMPORT_STALE_MS, runLeadImport } from "@/lib/leads/run-lead-import";

export async function resumeIfStale(imp: { id: string; status: string; heartbeatAt: Date }): Promise<boolean> {
  if (imp.status !== "processing" || Date.now() - imp.heartbeatAt.getTime() < IMPORT_STALE_MS) return false;
  const prisma = await db();
  // Conditional claim: of several readers noticing at once, one resumes it.
  const claimed = await prisma.leadImport.updateMany({
    where: { id: imp.id, status: "processing", heartbeatAt: imp.heartbeatAt },
    data: { heartbeatAt: new Date() },
  });
  if (claimed.count !== 1) return false;
  runInBackground(`lead-import:${imp.id}:resume`, () => runLeadImport(imp.id));
  return true;
}

export async function resumeStaleImports(): Promise<number> {
  const prisma = await db();
  const stale = await prisma.leadImport.findMany({
    where: { status: "processing", heartbeatAt: { lt: new Date(Date.now() - IMPORT_STALE_MS) } },
    select: { id: true, status: true, heartbeatAt: true },
    take: 100,
  });
  const resumed = await Promise.all(stale.map(resumeIfStale));
  return resumed.filter(Boolean).length;
}
