import type { DncListFilters } from "@/components/dnc/types";

/** Invalidating `dncKeys.all` refreshes every do-not-call list. */
export const dncKeys = {
  all: ["dnc"] as const,
  lists: () => [...dncKeys.all, "list"] as const,
  list: (filters: DncListFilters) => [...dncKeys.lists(), filters] as const,
};
