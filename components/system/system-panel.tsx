"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useJobs } from "@/components/system/hooks/use-jobs";
import { useRetryJob } from "@/components/system/hooks/use-retry-job";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CheckIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { JobStateCounts } from "@/components/system/job-state-counts";

const PAGE_SIZE = 20;

const KIND_LABELS: Record<string, string> = { lead_import: "Lead import" };
const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

/** Settings → System: the organization's background work, and the failed jobs an admin can retry. */
export function SystemPanel({ canRetry }: { canRetry: boolean }) {
  const fmt = useDisplayFormat();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const dead = useJobs({ state: "dead", page, limit: PAGE_SIZE });
  const retry = useRetryJob();

  return (
    <>
      <PageHeader
        level={2}
        title="System"
        description="Work that runs in the background, such as lead imports. Failed jobs were retried automatically with increasing delays before giving up."
      />
      <div className="space-y-6">
        <JobStateCounts />

        {notice ? (
          <Alert tone={notice.tone} onDismiss={() => setNotice(null)} data-testid="system-notice">
            {notice.text}
          </Alert>
        ) : null}

        <section aria-labelledby="dead-jobs-heading" className="space-y-4">
          <h3 id="dead-jobs-heading" className="text-base font-semibold text-slate-900">
            Failed jobs
          </h3>
          {dead.isPending ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="dead-jobs-loading">
              <span className="sr-only" role="status">
                Loading failed jobs…
              </span>
              <div className="space-y-3">
                {[0, 1, 2].map((i) => (
                  <Skeleton key={i} className="h-8 w-full" />
                ))}
              </div>
            </div>
          ) : dead.isError ? (
            <Alert tone="error" title="Failed jobs could not be loaded" data-testid="dead-jobs-error">
              <p>{errorMessage(dead.error)}</p>
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => dead.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : dead.data.data.length === 0 ? (
            <EmptyState
              icon={<CheckIcon className="size-6" />}
              title="No failed jobs"
              description="Every background job either finished or is still on its way."
            />
          ) : (
            <div aria-busy={dead.isFetching || undefined}>
              <Table label="Failed jobs">
                <THead>
                  <tr>
                    <Th>Job</Th>
                    <Th className="hidden md:table-cell">Last error</Th>
                    <Th className="hidden lg:table-cell">Attempts</Th>
                    <Th className="hidden sm:table-cell">Failed</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </THead>
                <TBody>
                  {dead.data.data.map((job) => (
                    <tr key={job.job_id} data-testid="dead-job-row">
                      <Td className="max-w-56">
                        <span className="text-sm font-medium text-slate-900">{kindLabel(job.kind)}</span>
                        <span className="block truncate font-mono text-xs text-slate-500" title={job.job_id}>
                          {job.job_id}
                        </span>
                        {job.last_error ? <p className="mt-1 line-clamp-2 text-xs text-red-700 md:hidden">{job.last_error}</p> : null}
                      </Td>
                      <Td className="hidden max-w-96 md:table-cell">
                        <p className="line-clamp-3 font-mono text-xs break-words text-red-700" title={job.last_error ?? undefined}>
                          {job.last_error ?? <span className="text-slate-400">—</span>}
                        </p>
                      </Td>
                      <Td className="hidden whitespace-nowrap tabular-nums lg:table-cell">
                        {job.attempts} of {job.max_attempts}
                      </Td>
                      <Td className="hidden whitespace-nowrap sm:table-cell">{fmt.dateTime(job.finished_at ?? job.updated_at)}</Td>
                      <Td className="text-right">
                        {canRetry ? (
                          <Button
                            variant="secondary"
                            size="sm"
                            pending={retry.isPending && retry.variables === job.job_id}
                            aria-label={`Retry ${kindLabel(job.kind)} job ${job.job_id}`}
                            onClick={() => {
                              setNotice(null);
                              retry.mutate(job.job_id, {
                                onSuccess: () => setNotice({ tone: "success", text: `${kindLabel(job.kind)} job queued again; it runs shortly.` }),
                                onError: (error) => setNotice({ tone: "error", text: errorMessage(error) }),
                              });
                            }}
                          >
                            Retry
                          </Button>
                        ) : null}
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
              <Pagination pagination={dead.data.pagination} itemCount={dead.data.data.length} disabled={dead.isFetching} onPageChange={setPage} />
            </div>
          )}
        </section>
      </div>
    </>
  );
}
