// Pagination for every list: page ≥ 1, limit 1–100 (default 20), sort from a per-resource allow-list
// (default created_at), order asc|desc. Bad values are validation errors, never silently clamped.
import { z } from "zod";
import type { Pagination } from "@/lib/api/envelope";

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
  constructor(
    readonly items: T[],
    readonly total: number,
    readonly query: Pick<PageQuery, "page" | "limit">,
  ) {}

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
