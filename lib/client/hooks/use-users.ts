import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { User, UserListFilters } from "@/lib/client/types";

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: queryKeys.users.list(filters),
    queryFn: ({ signal }) =>
      apiFetchList<User>("/api/users", {
        query: { ...filters, sort: "created_at", order: "asc" },
        signal,
      }),
    // Keep the current page on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
