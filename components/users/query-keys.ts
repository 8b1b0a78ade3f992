import type { UserListFilters } from "@/components/users/types";

/** Invalidating `userKeys.all` refreshes every users list. */
export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (filters: UserListFilters) => [...userKeys.lists(), filters] as const,
};
