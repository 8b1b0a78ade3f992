import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { jobKeys } from "@/components/system/query-keys";
import type { JobView } from "@/lib/jobs/schemas";

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => apiFetch<JobView>(`/api/jobs/${encodeURIComponent(jobId)}/retry`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
