// Pagination for every list: page ≥ 1, limit 1–100 (default 20), sort from a per-resource allow-list
// (default created_at), order asc|desc. Bad values are validation errors, never silently clamped.
import { z } from "zod";
import type { Pagination } from "@/lib/api/envelope";
import { ApiError } from "@/lib/api/errors";

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^-?\d+$/, "Must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);

export function paginationQuery<const S extends readonly [string, ...string[]]>(sortable: S) {
  return z.object({
    page: intParam(1, 1_000_000, 1),
    limit: intParam(1, 100, 20),
    sort: z.enum(sortable).default(sortable[0] as never),
    order: z.enum(["asc", "desc"]).default("desc"),
  });
}

export type PageQuery = { page: number; limit: number; sort: string; order: "asc" | "desc" };

export function pageWindow(q: Pick<PageQuery, "page" | "limit">) {
  return { skip: (q.page - 1) * q.limit, take: q.limit };
}

/** What a list service returns; the route wrapper turns it into the list envelope. */
export class Page<T> {
  /** Where the spec nests a list under a name (`data.voices`) instead of making `data` the array. */
  listKey: string | null = null;

  constructor(
    readonly items: T[],
    readonly total: number,
    readonly query: Pick<PageQuery, "page" | "limit">,
  ) {}

  nestedUnder(key: string): this {
    this.listKey = key;
    return this;
  }

  data(): unknown {
    return this.listKey ? { [this.listKey]: this.items } : this.items;
  }

  pagination(): Pagination {
    const pages = Math.ceil(this.total / this.query.limit);
    return {
      page: this.query.page,
      limit: this.query.limit,
      total: this.total,
      pages,
      has_next: this.query.page < pages,
      has_prev: this.query.page > 1,
    };
  }
}

// ── Cursor pagination (keyset), beside page/limit ────────────────────────────────────────────────
// For deep iteration: `cursor` names the last row already seen by its sort key and id, so the next
// page is an index range read instead of an OFFSET that reads and discards every earlier row. The
// cursor is opaque to clients: base64url of JSON [sort, order, key, id(, total)]. It is only valid with the
// sort and order it was made for (anything else is VALIDATION_002, as is any tampering).

// One pattern (with the length) so every malformed cursor is the same VALIDATION_002.
export const cursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,1024}$/, "Must be a next_cursor from a previous page")
  .optional();

export type CursorKey = { key: string; id: string; total?: number };

/** `total` (optional) carries a count made on the walk's first page, for lists that cannot count cheaply. */
export function encodeCursor(sort: string, order: "asc" | "desc", key: string, id: string, total?: number): string {
  return Buffer.from(JSON.stringify(total === undefined ? [sort, order, key, id] : [sort, order, key, id, total])).toString("base64url");
}

/** VALIDATION_002 on the `cursor` field, for services that check what a cursor's key holds. */
export function cursorError(message: string): ApiError {
  return new ApiError("VALIDATION_002", `cursor: ${message}`, { fields: [{ field: "cursor", code: "VALIDATION_002", message }] });
}

/** The key and id inside `cursor`; throws VALIDATION_002 unless it is a cursor for this sort and order. */
export function decodeCursor(cursor: string, q: Pick<PageQuery, "sort" | "order" | "page">): CursorKey {
  if (q.page !== 1) throw cursorError("Send either page or cursor, not both");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw cursorError("Must be a next_cursor from a previous page");
  }
  const total = Array.isArray(parsed) && parsed.length === 5 ? (parsed[4] as unknown) : undefined;
  if (
    !Array.isArray(parsed) ||
    (parsed.length !== 4 && parsed.length !== 5) ||
    !parsed.slice(0, 4).every((part) => typeof part === "string") ||
    (parsed[3] as string).length === 0 ||
    (parsed[3] as string).length > 64 ||
    (total !== undefined && !(Number.isSafeInteger(total) && (total as number) >= 0))
  ) {
    throw cursorError("Must be a next_cursor from a previous page");
  }
  const [sort, order, key, id] = parsed as [string, string, string, string];
  if (sort !== q.sort || order !== q.order) throw cursorError(`This cursor was made for sort=${sort}&order=${order}`);
  return total === undefined ? { key, id } : { key, id, total: total as number };
}

/** A page read by cursor (or a first page that offers one): `next_cursor` is null on the last page. */
export class CursorPage<T> extends Page<T> {
  constructor(
    items: T[],
    total: number,
    query: Pick<PageQuery, "page" | "limit">,
    readonly nextCursor: string | null,
    /** Whether the request came with a cursor (then has_next/has_prev follow the cursor, not the page number). */
    readonly byCursor: boolean,
  ) {
    super(items, total, query);
  }

  override pagination(): Pagination & { next_cursor: string | null } {
    const base = super.pagination();
    return this.byCursor
      ? { ...base, has_next: this.nextCursor !== null, has_prev: true, next_cursor: this.nextCursor }
      : { ...base, next_cursor: this.nextCursor };
  }
}
