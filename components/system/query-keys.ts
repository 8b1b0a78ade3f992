import type { JobListFilters } from "@/components/system/hooks/use-jobs";

/** Invalidating `jobKeys.all` refreshes the job lists and the per-state counts. */
export const jobKeys = {
  all: ["jobs"] as const,
  list: (filters: JobListFilters) => [...jobKeys.all, "list", filters] as const,
  counts: () => [...jobKeys.all, "counts"] as const,
};
