import type { Pagination as PaginationInfo } from "@/lib/client/api-client";
import { formatNumber } from "@/lib/client/format";
import { Button } from "@/components/ui/button";

/** "x–y of total" with Previous / Next; hidden when there is nothing to page through. */
export function Pagination({
  pagination,
  itemCount,
  onPageChange,
  disabled,
  label = "Pagination",
}: {
  pagination: PaginationInfo;
  itemCount: number;
  onPageChange: (page: number) => void;
  disabled?: boolean;
  /** Names the navigation when a page has more than one paginated list. */
  label?: string;
}) {
  const { page, limit, total, has_next, has_prev } = pagination;
  if (total === 0) return null;
  const first = (page - 1) * limit + 1;
  const last = (page - 1) * limit + itemCount;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4 pt-4 text-sm text-slate-600">
      <p data-testid="pagination-range" aria-live="polite">
        {itemCount > 0 ? (
          <>
            <span className="font-medium text-slate-900">{formatNumber(first)}</span>–
            <span className="font-medium text-slate-900">{formatNumber(last)}</span> of{" "}
            <span className="font-medium text-slate-900">{formatNumber(total)}</span>
          </>
        ) : (
          <>No results on this page of {formatNumber(total)}</>
        )}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={!has_prev || disabled} onClick={() => onPageChange(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!has_next || disabled} onClick={() => onPageChange(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
