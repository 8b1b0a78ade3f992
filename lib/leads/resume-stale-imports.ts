import "server-only";
// An import still "processing" whose heartbeat went quiet died with its process (or stalled): it is
// claimed by moving its heartbeat (the job's lease, see run-lead-import.ts) and resumed. Readers of an
// import trigger this, and so does a sweep every minute in long-running servers (instrumentation.ts),
// so no import stays "processing" because nobody polls it. The sweep also removes orphaned upload files.
import { db } from "@/lib/db/client";
import { runInBackground } from "@/lib/jobs/background";
import { IMPORT_STALE_MS, importFilePath, runLeadImport } from "@/lib/leads/run-lead-import";
import { uploadsDir } from "@/lib/api/multipart";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

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

const ORPHAN_AGE_MS = 6 * 3600 * 1000;

/** Upload files nobody owns any more: temp uploads left by a crash mid-request, and stored import
 *  files whose import has ended (a crash between the last batch and the clean-up). */
export async function removeOrphanedImportFiles(): Promise<number> {
  const prisma = await db();
  let removed = 0;
  const cutoff = Date.now() - ORPHAN_AGE_MS;
  for (const dir of [uploadsDir(), path.dirname(importFilePath("x"))]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (!info || info.mtimeMs > cutoff) continue;
      const importId = name.endsWith(".csv") ? name.slice(0, -4) : null;
      if (importId) {
        const imp = await prisma.leadImport.findUnique({ where: { id: importId }, select: { status: true } });
        if (imp?.status === "processing") continue;
      }
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
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
