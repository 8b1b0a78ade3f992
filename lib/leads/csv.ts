import "server-only";
// Reading real-world CSVs as a stream: UTF-8 with or without BOM, comma/semicolon/tab detected from
// the header line, quoted fields with delimiters and newlines, CRLF / LF / lone CR line ends, blank
// lines skipped, stray quotes inside unquoted fields kept as text. The parser is push-based and
// synchronous over decoded chunks: a million-row import spends its time on rows, not on a promise
// per record (an async-iterated csv-parse stream cost ~8 µs a row; this costs ~1).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

export type CsvRecord = { line: number; cells: string[] };
/** A record that cannot be read (an unclosed quote, an over-long record): reported as a row problem, not a failure. */
export type CsvSkip = { line: number; reason: string };

export const MAX_CELL_CHARS = 10_000;
/** Longer records are reported as unreadable rather than held in memory. */
export const MAX_RECORD_CHARS = MAX_CELL_CHARS * 10;

/** The delimiter that occurs most often, outside quotes, in the first line. */
export async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return delimiterOf(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The delimiter of a file from its first bytes (the header line): comma, semicolon or tab. */
export function delimiterOf(start: Uint8Array): string {
  const text = Buffer.from(start.buffer, start.byteOffset, start.byteLength).toString("utf8").replace(/^\uFEFF/, "");
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const [best, count] = Object.entries(counts).sort((x, y) => y[1] - x[1])[0]!;
  return count > 0 ? best : ",";
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Push decoded text in, get records out (in order, synchronously). `line` is the record's number in
 * the file (the header is record 1); blank records are skipped without a number, unreadable ones keep
 * theirs and go to `onSkip`.
 */
export class CsvParser {
  private readonly delimiter: number;
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private started = false;
  /** Set while discarding an over-long record: the quote state of the text discarded so far. */
  private discarding: { quoted: boolean } | null = null;
  private line = 0;

  constructor(
    delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    private readonly onSkip?: (skip: CsvSkip) => void,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Raw bytes; a UTF-8 sequence split across chunks is completed by the next one. */
  write(chunk: Buffer): void {
    this.push(this.decoder.write(chunk), false);
  }

  end(): void {
    this.push(this.decoder.end(), true);
  }

  private skip(reason: string) {
    this.line += 1;
    this.onSkip?.({ line: this.line, reason: `Unreadable CSV row: ${reason}` });
  }

  private push(chunk: string, final: boolean) {
    let text = this.pending + chunk;
    this.pending = "";
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    if (this.discarding) {
      i = this.discard(text, 0, final);
      if (i < 0) return;
    }
    const n = text.length;
    const d = this.delimiter;
    while (i < n) {
      const start = i;
      const cells: string[] = [];
      let complete = false;
      let broken: string | null = null;
      // One record: fields until a line end outside quotes.
      for (;;) {
        if (i >= n) break; // ran out of text mid-record
        if (text.charCodeAt(i) === QUOTE) {
          // Quoted field: "" is a literal quote. It ends at a quote followed (after optional spaces)
          // by a delimiter or line end; any other quote inside is kept as text, as sloppy exports
          // write them ("Height 5'11" approx").
          let value = "";
          let from = i + 1;
          let close = -1;
          let after = -1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0) break;
            if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            let k = q + 1;
            while (k < n && (text.charCodeAt(k) === SPACE || (text.charCodeAt(k) === TAB && d !== TAB))) k += 1;
            if (k >= n && !final) break; // the next chunk decides what this quote is
            const next = k < n ? text.charCodeAt(k) : -1;
            if (next === -1 || next === d || next === LF || next === CR) {
              value += text.slice(from, q);
              close = q;
              after = k;
              break;
            }
            value += text.slice(from, q + 1);
            from = q + 1;
          }
          if (close < 0) {
            if (final) broken = "Quote Not Closed";
            break;
          }
          cells.push(value);
          i = after;
          if (i >= n) {
            if (final) complete = true;
            break;
          }
          const c = text.charCodeAt(i);
          if (c === d) {
            i += 1;
            if (i >= n && final) {
              cells.push("");
              complete = true;
            }
            continue;
          }
          complete = true; // a line end
          break;
        }
        // Unquoted field: up to the next delimiter or line end; quotes inside are plain text.
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j += 1;
        }
        if (j >= n) {
          if (final) {
            cells.push(text.slice(i, j));
            i = j;
            complete = true;
          }
          break;
        }
        cells.push(text.slice(i, j));
        i = j;
        if (c === d) {
          i += 1;
          if (i >= n && final) {
            cells.push("");
            complete = true;
            break;
          }
          continue;
        }
        complete = true;
        break;
      }
      if (broken) {
        this.skip(broken);
        this.discarding = { quoted: false };
        // Resume after the end of the broken line (outside quotes from the point of failure on).
        const k = this.discard(text, i, final);
        if (k < 0) return;
        i = k;
        continue;
      }
      if (!complete) {
        if (i - start > MAX_RECORD_CHARS || n - start > MAX_RECORD_CHARS) {
          this.skip("Max Record Size");
          this.discarding = { quoted: false };
          const k = this.discard(text, start, final);
          if (k < 0) return;
          i = k;
          continue;
        }
        this.pending = text.slice(start);
        return;
      }
      // i is at the line end (or the end of the final text): step over LF, CRLF or a lone CR.
      if (i < n && text.charCodeAt(i) === CR) i += 1;
      // (A CRLF split across chunks leaves an LF that reads as a blank line, which is skipped.)
      if (i < n && text.charCodeAt(i) === LF) i += 1;
      if (i - start > MAX_RECORD_CHARS) {
        this.skip("Max Record Size");
        continue;
      }
      if (cells.length === 1 && cells[0] === "") continue; // blank line
      if (isBlank(cells)) continue;
      this.line += 1;
      this.onRecord(cells, this.line);
    }
  }

  /** Skips to just past the next line end outside quotes; -1 when the text ran out first. */
  private discard(text: string, from: number, final: boolean): number {
    const state = this.discarding!;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) state.quoted = !state.quoted;
      else if (!state.quoted && (c === LF || c === CR)) {
        this.discarding = null;
        if (c === CR && text.charCodeAt(i + 1) === LF) return i + 2;
        return i + 1;
      }
    }
    if (final) this.discarding = null;
    return -1;
  }
}

/** Records in file order. Unreadable records go to `onSkip` and keep their number. Leaving the loop
 *  early closes the file. */
export async function* readCsv(path: string, delimiter: string, onSkip?: (skip: CsvSkip) => void): AsyncGenerator<CsvRecord> {
  let records: CsvRecord[] = [];
  const parser = new CsvParser(delimiter, (cells, line) => records.push({ line, cells }), onSkip);
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      parser.write(chunk);
      const ready = records;
      records = [];
      yield* ready;
    }
    parser.end();
    yield* records;
  } finally {
    source.destroy();
  }
}

export class CsvFormatError extends Error {}

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
  const skipped: CsvSkip[] = [];
  for await (const record of readCsv(path, delimiter, (skip) => skipped.push(skip))) {
    header = record.cells.map((c) => c.trim());
    break;
  }
  const broken = skipped.find((skip) => skip.line === 1);
  if (broken) throw new CsvFormatError(`the header row cannot be read (${broken.reason})`);
  return { header, rows: header ? Math.max(0, records - 1) : 0 };
}
