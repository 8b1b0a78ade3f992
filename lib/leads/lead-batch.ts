import "server-only";
// One batch of an import's leads, kept as COPY text in a reusable buffer rather than as objects. A
// million-row import would otherwise promote every row object into V8's old generation before it is
// written, and the heap (and the server's RSS) would grow by hundreds of megabytes between major
// collections; rows encoded into a buffer leave only short-lived garbage behind.
import type { LeadRow, RowError } from "@/lib/leads/build-lead-row";

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
  /** Each row's number as digits in a double (E.164 has at most 15 digits), in line order. Kept
   *  off the JS heap for the same reason as the rows themselves. */
  private numbers = new Float64Array(1024);
  private count = 0;
  /** Rows whose time zone needs an async lookup first (the first number of each area code). */
  readonly deferred: LeadRow[] = [];
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
    return Array.from(this.numbers.subarray(0, this.count), (n) => `+${n}`);
  }

  private pushNumber(e164: string) {
    if (this.count === this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    this.numbers[this.count++] = Number(e164.slice(1));
  }

  add(row: LeadRow & { timezone: string }): void {
    const line =
      this.nextId() + this.fixed + row.phone + "\t" + copyText(row.firstName) + "\t" + copyText(row.lastName) + "\t" +
      copyText(row.email) + "\t" + copyText(row.company) + "\t" + row.timezone + "\t" + copyText(row.customFields) + this.tail;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (this.length + line.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + line.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(line, this.length);
    this.pushNumber(row.phone);
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
      copy.pushNumber(phone);
    });
    copy.length = copy.buffer.write(text, 0);
    return copy;
  }

  /** The rows as fields, with their ids (for INSERT … ON CONFLICT). */
  leads(): (LeadRow & { id: string })[] {
    return this.lines().map((line) => {
      const [id, , , phone, firstName, lastName, email, company, timezone, customFields] = line.split("\t").map(fromCopyText);
      return { id: id!, phone: phone!, firstName: firstName!, lastName: lastName!, email: email!, company: company!, timezone: timezone!, customFields: customFields! };
    });
  }
}
