import "server-only";
// Every row error of an import as a CSV download, streamed from the database in pages.
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { getLeadImportOrThrow } from "@/lib/leads/get-lead-import";

const PAGE = 5000;

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @) in user-supplied values.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function importErrorsCsv(ctx: AuthContext, campaignId: string, importId: string): Promise<Response> {
  const imp = await getLeadImportOrThrow(ctx, campaignId, importId);
  const prisma = await db();
  const encoder = new TextEncoder();
  let cursor: bigint | undefined;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode("row,column,value,reason\r\n"));
        return;
      }
      const page = await prisma.leadImportError.findMany({
        where: { importId: imp.id, ...(cursor !== undefined ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
      });
      if (page.length === 0) return controller.close();
      cursor = page[page.length - 1]!.id;
      const text = page.map((e) => [e.rowNumber, e.column, e.value, e.reason].map(csvCell).join(",")).join("\r\n") + "\r\n";
      controller.enqueue(encoder.encode(text));
    },
  });
  const name = imp.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_") || "import";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-errors.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
