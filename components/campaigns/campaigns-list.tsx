"use client";

import Link from "next/link";
import { useState } from "react";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "@/lib/campaigns/schemas";
import { errorMessage } from "@/lib/client/api-client";
import { formatNumber, formatPercent } from "@/lib/client/format";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useCampaigns } from "@/components/campaigns/hooks/use-campaigns";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import type { Campaign, CampaignStatus, CampaignType } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { SearchField } from "@/components/ui/search-field";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { MegaphoneIcon, PlusIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { ProgressBar } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_TYPE_LABELS } from "@/components/campaigns/campaign-labels";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

export function CampaignsList({ canCreate }: { canCreate: boolean }) {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CampaignStatus | "">("");
  const [campaignType, setCampaignType] = useState<CampaignType | "">("");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  // The page belongs to one set of filters: changing any filter starts again at page 1.
  const filterKey = JSON.stringify([debouncedSearch, status, campaignType]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const campaigns = useCampaigns({
    search: debouncedSearch || undefined,
    status: status || undefined,
    campaign_type: campaignType || undefined,
    page,
    limit: PAGE_SIZE,
  });
  const filtered = Boolean(debouncedSearch || status || campaignType);

  function clearFilters() {
    setSearch("");
    setStatus("");
    setCampaignType("");
  }

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Outbound calling campaigns run by the AI voice agent."
        actions={
          canCreate ? (
            <Link href="/campaigns/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              New campaign
            </Link>
          ) : null
        }
      />

      <div className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_13rem]" role="search" aria-label="Filter campaigns">
        <SearchField id="campaigns-search" label="Search campaigns" placeholder="Search by name or description" value={search} onChange={setSearch} maxLength={200} />
        <div>
          <Label htmlFor="campaigns-status-filter" className="sr-only">
            Filter by status
          </Label>
          <Select
            id="campaigns-status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value as CampaignStatus | "")}
          >
            <option value="">All statuses</option>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CAMPAIGN_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="campaigns-type-filter" className="sr-only">
            Filter by type
          </Label>
          <Select
            id="campaigns-type-filter"
            value={campaignType}
            onChange={(event) => setCampaignType(event.target.value as CampaignType | "")}
          >
            <option value="">All types</option>
            {CAMPAIGN_TYPES.map((t) => (
              <option key={t} value={t}>
                {CAMPAIGN_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {campaigns.isPending ? (
        <CampaignsSkeleton />
      ) : campaigns.isError ? (
        <Alert tone="error" title="Campaigns could not be loaded" data-testid="campaigns-error">
          <p>{errorMessage(campaigns.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => campaigns.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : campaigns.data.data.length === 0 ? (
        <EmptyState
          icon={<MegaphoneIcon className="size-6" />}
          title={filtered ? "No campaigns match these filters" : "No campaigns yet"}
          description={
            filtered
              ? "Try a different search, status or type."
              : canCreate
                ? "Create a campaign, import its leads from a CSV file and start calling."
                : "Campaigns your managers create will appear here."
          }
          action={
            filtered ? (
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : canCreate ? (
              <Link href="/campaigns/new" className={buttonClasses()}>
                Create your first campaign
              </Link>
            ) : null
          }
        />
      ) : (
        <div aria-busy={campaigns.isFetching || undefined}>
          <Table label="Campaigns">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th className="hidden 2xl:table-cell">Type</Th>
                <Th className="hidden sm:table-cell">Status</Th>
                <Th>Progress</Th>
                <Th className="hidden text-right lg:table-cell">Success rate</Th>
                <Th className="hidden text-right lg:table-cell">Conversion</Th>
                <Th className="hidden md:table-cell">Created</Th>
              </tr>
            </THead>
            <TBody>
              {campaigns.data.data.map((campaign) => (
                <CampaignRow key={campaign.campaign_id} campaign={campaign} />
              ))}
            </TBody>
          </Table>
          <Pagination
            pagination={campaigns.data.pagination}
            itemCount={campaigns.data.data.length}
            disabled={campaigns.isFetching}
            onPageChange={(next) => setPaging({ filterKey, page: next })}
          />
        </div>
      )}
    </>
  );
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  const fmt = useDisplayFormat();
  const { total_prospects, contacted, progress_percentage } = campaign.progress;
  return (
    <tr data-testid="campaign-row">
      <Td className="max-w-44 sm:max-w-72">
        <Link
          href={`/campaigns/${encodeURIComponent(campaign.campaign_id)}`}
          className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {campaign.name}
        </Link>
        {campaign.description ? <p className="truncate text-slate-500">{campaign.description}</p> : null}
        {/* Narrow screens have no status column, and only very wide ones a type column. */}
        <div className="mt-1 flex flex-wrap items-center gap-1.5 sm:hidden">
          <CampaignStatusBadge status={campaign.status} />
        </div>
        <p className="mt-0.5 text-xs text-slate-500 2xl:hidden">{CAMPAIGN_TYPE_LABELS[campaign.campaign_type]}</p>
      </Td>
      <Td className="hidden whitespace-nowrap 2xl:table-cell">{CAMPAIGN_TYPE_LABELS[campaign.campaign_type]}</Td>
      <Td className="hidden sm:table-cell">
        <CampaignStatusBadge status={campaign.status} />
      </Td>
      <Td className="min-w-32">
        <ProgressBar
          size="sm"
          value={progress_percentage}
          label={`Progress of ${campaign.name}`}
          valueText={`${formatNumber(contacted)} of ${formatNumber(total_prospects)} leads contacted`}
        />
        <p className="mt-1 text-xs whitespace-nowrap text-slate-600">
          <span className="font-medium text-slate-900">{formatNumber(contacted)}</span> / {formatNumber(total_prospects)}
        </p>
      </Td>
      <Td className="hidden text-right tabular-nums lg:table-cell">{formatPercent(campaign.performance.success_rate)}</Td>
      <Td className="hidden text-right tabular-nums lg:table-cell">{formatPercent(campaign.performance.conversion_rate)}</Td>
      <Td className="hidden whitespace-nowrap md:table-cell">{fmt.date(campaign.created_at)}</Td>
    </tr>
  );
}

function CampaignsSkeleton() {
  return (
    <ListSkeleton label="Loading campaigns…" testId="campaigns-loading">
      <div className="flex-1 space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-3 w-64 max-w-full" />
      </div>
      <Skeleton className="hidden h-6 w-16 sm:block" />
      <div className="w-32 space-y-2">
        <Skeleton className="h-1.5 w-full" />
        <Skeleton className="h-3 w-16" />
      </div>
    </ListSkeleton>
  );
}
