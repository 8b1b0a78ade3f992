import { useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { jobKeys } from "@/components/system/query-keys";
import { JOB_STATES, type JobState, type JobView } from "@/lib/jobs/schemas";

/** Jobs per state, from each filtered list's total (one row each), so no endpoint counts the table. */
export function useJobCounts() {
  return useQuery({
    queryKey: jobKeys.counts(),
    queryFn: async ({ signal }) => {
      const totals = await Promise.all(
        JOB_STATES.map((state) => apiFetchList<JobView>("/api/jobs", { query: { state, limit: 1, page: 1 }, signal }).then((r) => r.pagination.total)),
      );
      return Object.fromEntries(JOB_STATES.map((state, i) => [state, totals[i]!])) as Record<JobState, number>;
    },
    refetchInterval: 15_000,
  });
}
