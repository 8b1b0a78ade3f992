import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { userKeys } from "@/components/users/query-keys";
import type { User } from "@/lib/client/types";
import type { UserListFilters } from "@/components/users/types";

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetchList<User>("/api/users", {
        query: { ...filters, sort: "created_at", order: "asc" },
        signal,
      }),
    // Keep the current page on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
