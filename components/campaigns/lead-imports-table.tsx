"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { formatBytes, formatNumber } from "@/lib/client/format";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useLeadImports } from "@/components/campaigns/hooks/use-lead-imports";
import type { LeadImportSummary } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ProgressBar } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { ImportStatusBadge } from "@/components/campaigns/import-status-badge";

const PAGE_SIZE = 10;

export function LeadImportsTable({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const imports = useLeadImports(campaignId, { page, limit: PAGE_SIZE });

  return (
    <Card>
      <section aria-labelledby="imports-heading" className="space-y-4">
        <div>
          <h2 id="imports-heading" className="text-lg font-semibold text-slate-900">
            Import history
          </h2>
          <p className="text-sm text-slate-600">Lead files uploaded to this campaign and what became of each row.</p>
        </div>
        {imports.isPending ? (
          <div className="space-y-3" data-testid="imports-loading">
            <span className="sr-only" role="status">
              Loading import history…
            </span>
            {[0, 1].map((i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : imports.isError ? (
          <Alert tone="error" title="Import history could not be loaded">
            <p>{errorMessage(imports.error)}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => imports.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : imports.data.data.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600" data-testid="imports-empty">
            No files imported yet.
          </p>
        ) : (
          <div aria-busy={imports.isFetching || undefined}>
            <Table label="Import history">
              <THead>
                <tr>
                  <Th>File</Th>
                  <Th>Status</Th>
                  <Th className="text-right">Imported</Th>
                  <Th className="hidden text-right sm:table-cell">Updated</Th>
                  <Th className="hidden text-right sm:table-cell">Duplicates</Th>
                  <Th className="hidden text-right sm:table-cell">Invalid</Th>
                  <Th className="hidden text-right md:table-cell">Suppressed</Th>
                  <Th>Errors</Th>
                </tr>
              </THead>
              <TBody>
                {imports.data.data.map((item) => (
                  <ImportRow key={item.import_id} item={item} />
                ))}
              </TBody>
            </Table>
            <Pagination
              pagination={imports.data.pagination}
              itemCount={imports.data.data.length}
              disabled={imports.isFetching}
              onPageChange={setPage}
              label="Import history pages"
            />
          </div>
        )}
      </section>
    </Card>
  );
}

function ImportRow({ item }: { item: LeadImportSummary }) {
  const fmt = useDisplayFormat();
  return (
    <tr data-testid="import-row">
      <Td className="max-w-44 min-w-36 sm:max-w-60">
        <div className="truncate font-medium text-slate-900" title={item.file_name}>
          {item.file_name}
        </div>
        <div className="text-xs whitespace-nowrap text-slate-500">
          {formatBytes(item.file_size)} · {formatNumber(item.total_rows)} rows
        </div>
        <div className="text-xs whitespace-nowrap text-slate-500">{fmt.dateTime(item.created_at)}</div>
      </Td>
      <Td className="min-w-28">
        <ImportStatusBadge status={item.status} />
        {item.status === "processing" ? (
          <ProgressBar
            size="sm"
            className="mt-1.5"
            value={item.percent_complete}
            label={`Progress of ${item.file_name}`}
            valueText={`${formatNumber(item.processed_rows)} of ${formatNumber(item.total_rows)} rows`}
          />
        ) : null}
        {item.status === "failed" && item.failure_reason ? (
          <p className="mt-1 max-w-48 text-xs text-red-700">{item.failure_reason}</p>
        ) : null}
      </Td>
      <Td className="text-right tabular-nums">{formatNumber(item.imported)}</Td>
      <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(item.updated)}</Td>
      <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(item.duplicates)}</Td>
      <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(item.invalid)}</Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{formatNumber(item.suppressed)}</Td>
      <Td className="whitespace-nowrap">
        {item.error_count > 0 ? (
          <a
            href={item.errors_url}
            download
            className="font-medium text-brand-700 hover:underline"
            aria-label={`${formatNumber(item.error_count)} rows not imported from ${item.file_name}, download the report`}
          >
            {formatNumber(item.error_count)} not imported
          </a>
        ) : (
          <span className="text-slate-400">None</span>
        )}
      </Td>
    </tr>
  );
}
