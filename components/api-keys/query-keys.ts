import type { ApiKeyListFilters } from "@/components/api-keys/types";

/** Invalidating `apiKeyKeys.all` refreshes every API-key list. */
export const apiKeyKeys = {
  all: ["api-keys"] as const,
  lists: () => [...apiKeyKeys.all, "list"] as const,
  list: (filters: ApiKeyListFilters) => [...apiKeyKeys.lists(), filters] as const,
};
