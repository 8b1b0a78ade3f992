"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useCampaignLeads } from "@/components/campaigns/hooks/use-campaign-leads";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { LEAD_STATUS_OPTIONS } from "@/lib/client/lead-fields";
import type { Lead, LeadStatus } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { SearchField } from "@/components/ui/search-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/field";
import { UsersIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { LEAD_STATUS_TONES } from "@/components/campaigns/campaign-labels";
import { LeadDetailDrawer, SuppressedBadge, leadDisplayName } from "@/components/campaigns/lead-detail-drawer";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;
const STATUS_LABELS = Object.fromEntries(LEAD_STATUS_OPTIONS.map((s) => [s.value, s.label])) as Record<LeadStatus, string>;


export function CampaignLeadsTable({ campaignId, emptyAction }: { campaignId: string; emptyAction?: React.ReactNode }) {
  const fmt = useDisplayFormat();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<LeadStatus | "">("");
  const [opened, setOpened] = useState<Lead | null>(null);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const filterKey = JSON.stringify([debouncedSearch, status]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const leads = useCampaignLeads(campaignId, {
    search: debouncedSearch || undefined,
    status: status || undefined,
    page,
    limit: PAGE_SIZE,
  });
  const filtered = Boolean(debouncedSearch || status);

  return (
    <Card>
      <section aria-labelledby="leads-heading" className="space-y-4">
        <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
          <div>
            <h2 id="leads-heading" className="text-lg font-semibold text-slate-900">
              Leads
            </h2>
            <p className="text-sm text-slate-600">The people this campaign calls, and where each one stands.</p>
          </div>
          <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem] md:w-[28rem]" role="search" aria-label="Filter leads">
            <SearchField id="leads-search" label="Search leads" placeholder="Name, phone, email or company" value={search} onChange={setSearch} maxLength={200} />
            <div>
              <Label htmlFor="leads-status-filter" className="sr-only">
                Filter leads by status
              </Label>
              <Select id="leads-status-filter" value={status} onChange={(event) => setStatus(event.target.value as LeadStatus | "")}>
                <option value="">All statuses</option>
                {LEAD_STATUS_OPTIONS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        </div>

        {leads.isPending ? (
          <div className="space-y-3" data-testid="leads-loading">
            <span className="sr-only" role="status">
              Loading leads…
            </span>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : leads.isError ? (
          <Alert tone="error" title="Leads could not be loaded" data-testid="leads-error">
            <p>{errorMessage(leads.error)}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => leads.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : leads.data.data.length === 0 ? (
          <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center" data-testid="leads-empty">
            <span className="mb-3 flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
              <UsersIcon className="size-5" />
            </span>
            <p className="font-medium text-slate-900">{filtered ? "No leads match these filters" : "No leads yet"}</p>
            <p className="mt-1 max-w-sm text-sm text-slate-600">
              {filtered ? "Try a different search or status." : "Import a CSV file of leads to give this campaign people to call."}
            </p>
            <div className="mt-4">
              {filtered ? (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSearch("");
                    setStatus("");
                  }}
                >
                  Clear filters
                </Button>
              ) : (
                emptyAction
              )}
            </div>
          </div>
        ) : (
          <div aria-busy={leads.isFetching || undefined}>
            <Table label="Leads">
              <THead>
                <tr>
                  <Th>Lead</Th>
                  <Th>Phone</Th>
                  <Th>Status</Th>
                  <Th className="hidden text-right sm:table-cell">Attempts</Th>
                  <Th className="hidden md:table-cell">Last attempt</Th>
                  <Th className="hidden 2xl:table-cell">Next attempt</Th>
                  <Th className="hidden lg:table-cell">Last outcome</Th>
                </tr>
              </THead>
              <TBody>
                {leads.data.data.map((lead) => {
                  const name = leadDisplayName(lead);
                  return (
                    <tr
                      key={lead.lead_id}
                      data-testid="lead-row"
                      // The whole row opens the details for mouse users; the name button is the keyboard way in.
                      onClick={() => setOpened(lead)}
                      className="cursor-pointer hover:bg-slate-50"
                    >
                      <Td className="max-w-40 sm:max-w-60">
                        <button
                          type="button"
                          className="block max-w-full truncate rounded text-left font-medium text-slate-900 hover:text-brand-700 hover:underline"
                          aria-haspopup="dialog"
                          onClick={(event) => {
                            event.stopPropagation();
                            setOpened(lead);
                          }}
                        >
                          {name ?? <span className="font-normal text-slate-500">No name</span>}
                          <span className="sr-only">: view details</span>
                        </button>
                        {lead.email || lead.company ? (
                          <div className="truncate text-slate-500">{[lead.email, lead.company].filter(Boolean).join(" · ")}</div>
                        ) : null}
                      </Td>
                      <Td className="whitespace-nowrap tabular-nums" title={lead.phone_number}>
                        {fmt.phone(lead.phone_number)}
                      </Td>
                      <Td>
                        <div className="flex flex-wrap items-center gap-1.5">
                          <Badge tone={LEAD_STATUS_TONES[lead.status]}>{STATUS_LABELS[lead.status] ?? lead.status}</Badge>
                          {lead.suppressed ? <SuppressedBadge /> : null}
                        </div>
                      </Td>
                      <Td className="hidden text-right tabular-nums sm:table-cell">{lead.attempts}</Td>
                      <Td className="hidden whitespace-nowrap md:table-cell">{fmt.dateTime(lead.last_attempt_at)}</Td>
                      <Td className="hidden whitespace-nowrap 2xl:table-cell">{fmt.dateTime(lead.next_attempt_at, "—")}</Td>
                      <Td className="hidden lg:table-cell">{lead.last_outcome ? lead.last_outcome.replaceAll("_", " ") : "—"}</Td>
                    </tr>
                  );
                })}
              </TBody>
            </Table>
            <Pagination
              pagination={leads.data.pagination}
              itemCount={leads.data.data.length}
              disabled={leads.isFetching}
              label="Leads pages"
              onPageChange={(next) => setPaging({ filterKey, page: next })}
            />
          </div>
        )}
      </section>
      <LeadDetailDrawer lead={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
