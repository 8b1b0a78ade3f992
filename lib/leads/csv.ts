import "server-only";
// Reading real-world CSVs as a stream: UTF-8 with or without BOM, comma/semicolon/tab detected from
// the header line, quoted fields with delimiters and newlines, CRLF, blank lines skipped.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";

export type CsvRecord = { line: number; cells: string[] };

/** The delimiter that occurs most often, outside quotes, in the first line. */
export async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === "\n" || ch === "\r")) break;
      else if (!quoted && ch in counts) counts[ch]! += 1;
    }
    const [best, count] = Object.entries(counts).sort((x, y) => y[1] - x[1])[0]!;
    return count > 0 ? best : ",";
  } finally {
    await handle.close();
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/** Records in file order; `line` is the record's number in the file (the header is record 1). */
export async function* readCsv(path: string, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let index = 0;
  for await (const item of parser as AsyncIterable<{ record: string[] }>) {
    if (isBlank(item.record)) continue;
    index += 1;
    yield { line: index, cells: item.record };
  }
}

export class CsvFormatError extends Error {}

/** Header and number of data rows, reading the whole file once (fast: no per-row work). */
export async function scanCsv(path: string, delimiter: string, maxRows: number): Promise<{ header: string[] | null; rows: number }> {
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const record of readCsv(path, delimiter)) {
      if (!header) header = record.cells.map((c) => c.trim());
      else if (++rows > maxRows) break;
    }
  } catch (error) {
    throw new CsvFormatError(error instanceof Error ? error.message : String(error));
  }
  return { header, rows };
}
