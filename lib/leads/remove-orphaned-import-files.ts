import "server-only";
// Upload files nobody owns any more: temp uploads this instance left behind when a request died
// mid-stream, and stored import objects whose import has ended (a crash between the last batch and
// the clean-up) or never committed. Runs as periodic maintenance (lib/jobs/maintenance-jobs.ts).
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { uploadsDir } from "@/lib/api/multipart";
import { db } from "@/lib/db/client";
import { objectStore } from "@/lib/storage/provider";
import { IMPORT_OBJECT_PREFIX } from "@/lib/leads/import-object";

/** Old enough that no request or import still writing it can own it. */
export const ORPHAN_AGE_MS = 6 * 3600 * 1000;

export async function removeOrphanedImportFiles(now = new Date()): Promise<number> {
  const cutoff = now.getTime() - ORPHAN_AGE_MS;
  let removed = 0;
  for (const name of await readdir(uploadsDir()).catch(() => [] as string[])) {
    const file = path.join(uploadsDir(), name);
    const info = await stat(file).catch(() => null);
    if (!info || info.mtimeMs > cutoff) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  const prisma = await db();
  const store = await objectStore();
  const old: string[] = [];
  for await (const object of store.list(IMPORT_OBJECT_PREFIX)) {
    if (object.uploadedAt.getTime() <= cutoff && object.key.endsWith(".csv")) old.push(object.key);
  }
  for (const key of old) {
    const importId = key.slice(IMPORT_OBJECT_PREFIX.length, -".csv".length);
    // System-wide maintenance: the import id alone identifies the row, whichever organization owns it.
    const imp = await prisma.leadImport.findUnique({ where: { id: importId }, select: { status: true } });
    if (imp?.status === "processing") continue;
    await store.delete(key);
    removed += 1;
  }
  return removed;
}
