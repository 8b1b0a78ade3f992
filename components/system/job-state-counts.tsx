"use client";

import { errorMessage } from "@/lib/client/api-client";
import { useJobCounts } from "@/components/system/hooks/use-job-counts";
import { JOB_STATES, type JobState } from "@/lib/jobs/schemas";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/client/cn";

const LABELS: Record<JobState, { label: string; hint: string }> = {
  queued: { label: "Queued", hint: "waiting for their run time" },
  running: { label: "Running", hint: "held by a server now" },
  done: { label: "Done", hint: "kept for a week" },
  dead: { label: "Failed", hint: "gave up after their retries" },
};

/** How many of this organization's jobs are in each state. */
export function JobStateCounts() {
  const counts = useJobCounts();
  if (counts.isError) {
    return (
      <Alert tone="error" title="Job counts could not be loaded" data-testid="job-counts-error">
        <p>{errorMessage(counts.error)}</p>
      </Alert>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-busy={counts.isPending || undefined} data-testid="job-counts">
      {JOB_STATES.map((state) => (
        <div key={state} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm font-medium text-slate-600">{LABELS[state].label}</dt>
          <dd className="mt-1">
            {counts.isPending ? (
              <Skeleton className="h-7 w-12" />
            ) : (
              <span
                className={cn("text-2xl font-semibold tabular-nums", state === "dead" && counts.data[state] > 0 ? "text-red-700" : "text-slate-900")}
                data-testid={`job-count-${state}`}
              >
                {counts.data[state].toLocaleString()}
              </span>
            )}
            <span className="mt-0.5 block text-xs text-slate-500">{LABELS[state].hint}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
