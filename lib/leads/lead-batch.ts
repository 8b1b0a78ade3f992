import "server-only";
// One batch of an import's leads, kept as COPY text in a reusable buffer rather than as objects. A
// million-row import would otherwise promote every row object into V8's old generation before it is
// written, and the heap (and the server's RSS) would grow by hundreds of megabytes between major
// collections; rows encoded into a buffer leave only short-lived garbage behind.
import type { LeadRow, RowError } from "@/lib/leads/build-lead-row";

const TAB = 0x09;

export type LeadBatchOwner = { organizationId: string; campaignId: string; importId: string };

/** A value in COPY's text format: \N is NULL; backslash, tab and line breaks are escaped. */
export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

function fromCopyText(value: string): string | null {
  if (value === "\\N") return null;
  return value.includes("\\") ? value.replace(/\\(.)/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c)) : value;
}

/** The columns each line holds, in order. */
export const LEAD_COPY_COLUMNS = "id, organization_id, campaign_id, phone, first_name, last_name, email, company, timezone, custom_fields, import_id";

export class LeadBatch {
  private length = 0;
  /** Each row's number as digits in a double, in line order, kept off the JS heap for the same
   *  reason as the rows themselves. Numbers beyond 2^53 (over 16 digits) are kept as strings. */
  private numbers = new Float64Array(1024);
  /** Each row's line in the file (for the report), beside its number. */
  private lineNumbers = new Int32Array(1024);
  private count = 0;
  private long: Map<number, string> | null = null;
  /** Rows whose time zone needs an async lookup first (the first number of each area code). */
  readonly deferred: (LeadRow & { line: number })[] = [];
  readonly errors: RowError[] = [];
  processed = 0;
  invalidRows = 0;
  duplicates = 0;
  private readonly fixed: string;
  private readonly tail: string;

  constructor(
    private buffer: Buffer,
    private readonly owner: LeadBatchOwner,
    private readonly nextId: () => string,
  ) {
    this.fixed = `\t${copyText(owner.organizationId)}\t${copyText(owner.campaignId)}\t`;
    this.tail = `\t${copyText(owner.importId)}\n`;
  }

  get rows(): number {
    return this.count;
  }

  /** The rows' numbers in E.164, in line order. */
  phones(): string[] {
    return Array.from(this.numbers.subarray(0, this.count), (n, i) => this.long?.get(i) ?? `+${n}`);
  }

  /** The file line of the row at this position. */
  lineAt(index: number): number {
    return this.lineNumbers[index]!;
  }

  private pushNumber(e164: string, line: number) {
    if (this.count === this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
      const lines = new Int32Array(this.lineNumbers.length * 2);
      lines.set(this.lineNumbers);
      this.lineNumbers = lines;
    }
    this.lineNumbers[this.count] = line;
    const value = Number(e164.slice(1));
    if (!Number.isSafeInteger(value)) (this.long ??= new Map()).set(this.count, e164);
    this.numbers[this.count++] = value;
  }

  add(row: LeadRow & { timezone: string }, line: number): void {
    const id = this.nextId();
    const firstName = copyText(row.firstName);
    const lastName = copyText(row.lastName);
    const email = copyText(row.email);
    const company = copyText(row.company);
    const custom = copyText(row.customFields);
    // Written field by field: no per-row string is built only to be copied into the buffer.
    // A UTF-16 code unit takes at most 3 UTF-8 bytes; the rest of the line is ASCII.
    const most =
      id.length + this.fixed.length + row.phone.length + row.timezone.length + this.tail.length + 8 +
      3 * (firstName.length + lastName.length + email.length + company.length + custom.length);
    if (this.length + most > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + most));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    const b = this.buffer;
    let at = this.length;
    at += b.write(id, at, "latin1");
    at += b.write(this.fixed, at, "latin1");
    at += b.write(row.phone, at, "latin1");
    b[at++] = TAB;
    at += b.write(firstName, at);
    b[at++] = TAB;
    at += b.write(lastName, at);
    b[at++] = TAB;
    at += b.write(email, at);
    b[at++] = TAB;
    at += b.write(company, at);
    b[at++] = TAB;
    at += b.write(row.timezone, at, "latin1");
    b[at++] = TAB;
    at += b.write(custom, at);
    at += b.write(this.tail, at);
    this.length = at;
    this.pushNumber(row.phone, line);
  }

  /** The COPY input. Valid until the buffer is reused for a later batch. */
  data(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** The buffer, for reuse once this batch has been written. */
  release(): Buffer {
    return this.buffer;
  }

  private lines(): string[] {
    const text = this.buffer.toString("utf8", 0, this.length);
    return text.length ? text.slice(0, -1).split("\n") : [];
  }

  /** A copy without the rows with these numbers (do-not-call); this batch stays as it is, so a
   *  retried write starts from the same rows. */
  without(numbers: Set<string>): LeadBatch {
    const copy = new LeadBatch(Buffer.allocUnsafe(this.length), this.owner, this.nextId);
    const lines = this.lines();
    let text = "";
    this.phones().forEach((phone, i) => {
      if (numbers.has(phone)) return;
      text += lines[i] + "\n";
      copy.pushNumber(phone, this.lineAt(i));
    });
    copy.length = copy.buffer.write(text, 0);
    return copy;
  }

  /** The rows as fields, with their ids and file lines (for INSERT … ON CONFLICT and the report). */
  leads(): (LeadRow & { id: string; line: number })[] {
    return this.lines().map((text, i) => {
      const [id, , , phone, firstName, lastName, email, company, timezone, customFields] = text.split("\t").map(fromCopyText);
      return { id: id!, phone: phone!, firstName: firstName!, lastName: lastName!, email: email!, company: company!, timezone: timezone!, customFields: customFields!, line: this.lineAt(i) };
    });
  }
}
