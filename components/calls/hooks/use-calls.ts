import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { callKeys } from "@/components/calls/query-keys";
import { isActiveStatus } from "@/components/calls/call-labels";
import type { CallListFilters, CallSummary, CallsPage } from "@/components/calls/types";

/** The next page: by `next_cursor` (deep pages cost the same as the first), else by page number. */
type PageParam = { cursor?: string; page?: number };

/** How often a first page showing a call in flight is read again, so its status moves on. */
const ACTIVE_POLL_MS = 5_000;

/** The organization's calls, newest first, a page at a time ("Load more" appends the next one). */
export function useCalls(filters: CallListFilters, { limit, enabled = true }: { limit: number; enabled?: boolean }) {
  return useInfiniteQuery({
    queryKey: callKeys.list(filters, limit),
    queryFn: async ({ pageParam, signal }): Promise<CallsPage> =>
      (await apiFetchList<CallSummary>("/api/calls", { query: { ...filters, limit, ...pageParam }, signal })) as CallsPage,
    initialPageParam: {} as PageParam,
    getNextPageParam: (last): PageParam | undefined =>
      last.pagination.next_cursor ? { cursor: last.pagination.next_cursor } : last.pagination.has_next ? { page: last.pagination.page + 1 } : undefined,
    placeholderData: keepPreviousData,
    enabled,
    // Only while one page is shown: a refetch reads every loaded page again.
    refetchInterval: (query) => {
      const pages = query.state.data?.pages;
      return pages?.length === 1 && pages[0]!.data.some((call) => isActiveStatus(call.status)) ? ACTIVE_POLL_MS : false;
    },
  });
}
