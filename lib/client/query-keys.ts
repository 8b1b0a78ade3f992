import type { ApiKeyListFilters, UserListFilters } from "@/lib/client/types";

/** Every react-query key in one place; invalidating a prefix (e.g. `users.all`) refreshes all its lists. */
export const queryKeys = {
  me: ["me"] as const,
  users: {
    all: ["users"] as const,
    lists: () => [...queryKeys.users.all, "list"] as const,
    list: (filters: UserListFilters) => [...queryKeys.users.lists(), filters] as const,
  },
  apiKeys: {
    all: ["api-keys"] as const,
    lists: () => [...queryKeys.apiKeys.all, "list"] as const,
    list: (filters: ApiKeyListFilters) => [...queryKeys.apiKeys.lists(), filters] as const,
  },
};
