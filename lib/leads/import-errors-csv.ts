import "server-only";
// An import's report as a CSV download, streamed from the database in pages: every row that was not
// imported as a new lead — invalid rows, duplicates (of an earlier row, or of a lead already in the
// campaign) and suppressed numbers — with the row's name and email so a person can find it.
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { csv } from "@/lib/api/replies";
import { csvCell } from "@/lib/csv-cell";
import { getLeadImportOrThrow } from "@/lib/leads/get-lead-import";

const PAGE = 5000;

export async function importErrorsCsv(ctx: AuthContext, campaignId: string, importId: string) {
  const imp = await getLeadImportOrThrow(ctx, campaignId, importId);
  const prisma = await db();
  const name = imp.fileName.replace(/\.csv$/i, "") || "import";
  return csv(`${name}-errors.csv`, async function* () {
    yield ["row", "kind", "column", "value", "reason", "name", "email"].map(csvCell).join(",") + "\r\n";
    let cursor: bigint | undefined;
    for (;;) {
      const page = await prisma.leadImportError.findMany({
        where: { importId: imp.id, ...(cursor !== undefined ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
      });
      if (page.length === 0) return;
      cursor = page[page.length - 1]!.id;
      yield page.map((e) => [e.rowNumber, e.kind, e.column, e.value, e.reason, e.name, e.email].map(csvCell).join(",")).join("\r\n") + "\r\n";
    }
  });
}
