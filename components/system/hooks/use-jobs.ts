import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetchList } from "@/lib/client/api-client";
import { jobKeys } from "@/components/system/query-keys";
import type { JobState, JobView } from "@/lib/jobs/schemas";

export type Job = JobView;
export type JobListFilters = { state?: JobState; kind?: string; page: number; limit: number };

export function useJobs(filters: JobListFilters) {
  return useQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ signal }) => apiFetchList<Job>("/api/jobs", { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}
