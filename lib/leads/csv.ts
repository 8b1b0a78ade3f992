import "server-only";
// Reading real-world CSVs as a stream: UTF-8 with or without BOM, comma/semicolon/tab detected from
// the header line, quoted fields with delimiters and newlines, CRLF, blank lines skipped.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";

export type CsvRecord = { line: number; cells: string[] };
/** A record csv-parse could not read (e.g. a stray quote): reported as a row problem, not a failure. */
export type CsvSkip = { line: number; reason: string };

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

export const MAX_CELL_CHARS = 10_000;

/** Records in file order; `line` is the record's number in the file (the header is record 1).
 *  Unreadable records go to `onSkip` and keep their number. Leaving the loop early closes the file. */
export async function* readCsv(path: string, delimiter: string, onSkip?: (skip: CsvSkip) => void): AsyncGenerator<CsvRecord> {
  const source = createReadStream(path);
  let index = 0;
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_CELL_CHARS * 10,
  });
  parser.on("skip", (error: Error) => {
    index += 1;
    onSkip?.({ line: index, reason: `Unreadable CSV row: ${error.message.split(":")[0]}` });
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (isBlank(record)) continue;
      index += 1;
      yield { line: index, cells: record };
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

export class CsvFormatError extends Error {}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Header and number of data rows before anything is written. Counting runs over raw bytes (quote-aware,
 * blank lines skipped) at disk speed instead of parsing every field; only the header is parsed.
 * The job reconciles the exact count as it reads (lib/leads/run-lead-import.ts).
 */
export async function scanCsv(path: string, delimiter: string, maxRows: number): Promise<{ header: string[] | null; rows: number }> {
  const delimiterByte = delimiter.charCodeAt(0);
  let records = 0;
  let quoted = false;
  let content = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === QUOTE) {
        quoted = !quoted;
        content = true;
      } else if (quoted) continue;
      else if (byte === LF || (byte === CR && chunk[i + 1] !== LF)) {
        // LF, CRLF, and a lone CR (old Mac files) all end a line.
        if (content) records += 1;
        content = false;
      } else if (byte !== CR && byte !== SPACE && byte !== TAB && byte !== delimiterByte) {
        content = true;
      }
    }
    if (records > maxRows + 1) break;
  }
  if (content) records += 1;
  let header: string[] | null = null;
  try {
    for await (const record of readCsv(path, delimiter)) {
      header = record.cells.map((c) => c.trim());
      break;
    }
  } catch (error) {
    throw new CsvFormatError(error instanceof Error ? error.message : String(error));
  }
  return { header, rows: header ? Math.max(0, records - 1) : 0 };
}
