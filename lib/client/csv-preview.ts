// A preview of a CSV file read in the browser before it is uploaded: only the first bytes, enough for
// the header and a few rows. The server parses the whole file again; this only drives the mapping step.

export const PREVIEW_BYTES = 64 * 1024;

export type CsvDelimiter = "," | ";" | "\t";
const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

export type CsvPreview = {
  delimiter: CsvDelimiter;
  headers: string[];
  /** Up to `maxRows` data rows, each padded or cut to the header's width. */
  rows: string[][];
  /** True when the file is larger than what was read. */
  partial: boolean;
};

export class CsvPreviewError extends Error {}

/** Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF/LF/CR line ends). */
export function parseCsv(text: string, delimiter: CsvDelimiter): { records: string[][]; endedInsideQuotes: boolean } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;

  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record.
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== "" || record.length > 0) endRecord();
  return { records, endedInsideQuotes: inQuotes };
}

/** The delimiter that splits the header line into the most columns (comma when none does). */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ",";
  let bestColumns = 1;
  for (const delimiter of DELIMITERS) {
    const header = parseCsv(firstLine(text), delimiter).records[0] ?? [];
    if (header.length > bestColumns) {
      best = delimiter;
      bestColumns = header.length;
    }
  }
  return best;
}

/** The first line, with line breaks inside quoted fields kept (a quoted header may span lines). */
function firstLine(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) return text.slice(0, i);
  }
  return text;
}

export async function readCsvPreview(file: Blob, maxRows = 5): Promise<CsvPreview> {
  const partial = file.size > PREVIEW_BYTES;
  let text = await file.slice(0, PREVIEW_BYTES).text();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new CsvPreviewError("The file is empty.");
  if (text.includes("\u0000")) throw new CsvPreviewError("This does not look like a CSV file (it contains binary data).");

  const delimiter = detectDelimiter(text);
  const { records, endedInsideQuotes } = parseCsv(text, delimiter);
  // The read stops mid-file, so its last record may be cut short: drop it.
  if (partial && records.length > 1) records.pop();
  else if (endedInsideQuotes) throw new CsvPreviewError("A quoted value is never closed; check the file's quotes.");

  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === "")) throw new CsvPreviewError("The first line must name the columns.");
  if (data.length === 0) throw new CsvPreviewError("The file has a header line but no rows.");
  // Kept exactly as written: the mapping sent to the server names columns by their header text.
  const headers = header;
  const rows = data.slice(0, maxRows).map((row) => headers.map((_, index) => row[index] ?? ""));
  return { delimiter, headers, rows, partial };
}
