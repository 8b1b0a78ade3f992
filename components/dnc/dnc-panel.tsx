"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { useDncEntries } from "@/components/dnc/hooks/use-dnc-entries";
import type { DncEntry, DncSource } from "@/components/dnc/types";
import { PageHeader } from "@/components/ui/page-header";
import { SearchField } from "@/components/ui/search-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { BlockIcon, UploadIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { AddDncForm } from "@/components/dnc/add-dnc-form";
import { DNC_SOURCE_LABELS, DncSourceBadge } from "@/components/dnc/dnc-source-badge";
import { ImportDncDialog } from "@/components/dnc/import-dnc-dialog";
import { RemoveDncDialog } from "@/components/dnc/remove-dnc-dialog";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;
const SOURCES = Object.keys(DNC_SOURCE_LABELS) as DncSource[];

export function DncPanel() {
  const fmt = useDisplayFormat();
  const [search, setSearch] = useState("");
  const [source, setSource] = useState<DncSource | "">("");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const filterKey = JSON.stringify([debouncedSearch, source]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DncEntry | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  const entries = useDncEntries({
    search: debouncedSearch || undefined,
    source: source || undefined,
    page,
    limit: PAGE_SIZE,
  });
  const filtered = Boolean(debouncedSearch || source);

  return (
    <>
      <PageHeader
        level={2}
        title="Do-not-call list"
        description="Numbers your campaigns never call. Leads with these numbers are left out of every import and every dial."
        actions={
          <Button variant="secondary" onClick={() => setImportOpen(true)}>
            <UploadIcon className="size-4" />
            Import CSV
          </Button>
        }
      />

      <div className="space-y-6">
        <AddDncForm onAdded={(entry) => setNotice(`${fmt.phone(entry.phone_number)} was added to the do-not-call list.`)} />

        {notice ? (
          <Alert tone="success" onDismiss={() => setNotice(null)} data-testid="dnc-notice">
            {notice}
          </Alert>
        ) : null}

        <section aria-labelledby="dnc-list-heading" className="space-y-4">
          <h3 id="dnc-list-heading" className="sr-only">
            Listed numbers
          </h3>
          <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem]" role="search" aria-label="Filter the do-not-call list">
            <SearchField id="dnc-search" label="Search numbers" placeholder="Search by number or reason" value={search} onChange={setSearch} maxLength={100} />
            <div>
              <Label htmlFor="dnc-source-filter" className="sr-only">
                Filter by source
              </Label>
              <Select id="dnc-source-filter" value={source} onChange={(event) => setSource(event.target.value as DncSource | "")}>
                <option value="">All sources</option>
                {SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {DNC_SOURCE_LABELS[s]}
                  </option>
                ))}
              </Select>
            </div>
          </div>

          {entries.isPending ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="dnc-loading">
              <span className="sr-only" role="status">
                Loading the do-not-call list…
              </span>
              <div className="space-y-3">
                {[0, 1, 2, 3].map((i) => (
                  <Skeleton key={i} className="h-8 w-full" />
                ))}
              </div>
            </div>
          ) : entries.isError ? (
            <Alert tone="error" title="The do-not-call list could not be loaded" data-testid="dnc-error">
              <p>{errorMessage(entries.error)}</p>
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => entries.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : entries.data.data.length === 0 ? (
            <EmptyState
              icon={<BlockIcon className="size-6" />}
              title={filtered ? "No numbers match these filters" : "The list is empty"}
              description={
                filtered
                  ? "Try a different search or source."
                  : "Add numbers above or import a CSV file. Numbers that opt out during a call are added automatically."
              }
              action={
                filtered ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setSearch("");
                      setSource("");
                    }}
                  >
                    Clear filters
                  </Button>
                ) : null
              }
            />
          ) : (
            <div aria-busy={entries.isFetching || undefined}>
              <Table label="Do-not-call numbers">
                <THead>
                  <tr>
                    <Th>Phone number</Th>
                    <Th className="hidden sm:table-cell">Source</Th>
                    <Th className="hidden md:table-cell">Reason</Th>
                    <Th className="hidden lg:table-cell">Added</Th>
                    <Th className="hidden lg:table-cell">Expires</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </THead>
                <TBody>
                  {entries.data.data.map((entry) => (
                    <tr key={entry.dnc_id} data-testid="dnc-row">
                      <Td className="max-w-48">
                        <span className="text-sm whitespace-nowrap text-slate-900 tabular-nums" title={entry.phone_number}>
                          {fmt.phone(entry.phone_number)}
                        </span>
                        {/* Narrow screens have no source or reason column. */}
                        <div className="mt-1 sm:hidden">
                          <DncSourceBadge source={entry.source} />
                        </div>
                        {entry.reason ? <p className="mt-0.5 truncate text-xs text-slate-500 md:hidden">{entry.reason}</p> : null}
                      </Td>
                      <Td className="hidden sm:table-cell">
                        <DncSourceBadge source={entry.source} />
                      </Td>
                      <Td className="hidden max-w-64 truncate md:table-cell" title={entry.reason ?? undefined}>
                        {entry.reason ?? <span className="text-slate-400">—</span>}
                      </Td>
                      <Td className="hidden whitespace-nowrap lg:table-cell">{fmt.date(entry.created_at)}</Td>
                      <Td className="hidden whitespace-nowrap lg:table-cell">{fmt.dateTime(entry.expires_at, "Never")}</Td>
                      <Td className="text-right">
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Remove ${fmt.phone(entry.phone_number)}`}
                          onClick={() => {
                            setNotice(null);
                            setRemoving(entry);
                          }}
                        >
                          Remove
                        </Button>
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
              <Pagination
                pagination={entries.data.pagination}
                itemCount={entries.data.data.length}
                disabled={entries.isFetching}
                onPageChange={(next) => setPaging({ filterKey, page: next })}
              />
            </div>
          )}
        </section>
      </div>

      <RemoveDncDialog
        entry={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(entry) => {
          setRemoving(null);
          setNotice(`${fmt.phone(entry.phone_number)} was removed from the do-not-call list.`);
        }}
      />
      <ImportDncDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
