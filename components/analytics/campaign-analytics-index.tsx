"use client";

// Until org-wide analytics exist, the Analytics page points at what does exist: each campaign's own
// call activity, with the same figures the campaign list shows (so the page never claims "no data"
// while a campaign has calls).
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { formatNumber, formatPercent } from "@/lib/client/format";
import { useCampaigns } from "@/components/campaigns/hooks/use-campaigns";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";

const PAGE_SIZE = 20;

export function CampaignAnalyticsIndex() {
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns({ page, limit: PAGE_SIZE });

  return (
    <Card>
      <section aria-labelledby="per-campaign-heading" className="space-y-4">
        <div>
          <h2 id="per-campaign-heading" className="text-lg font-semibold text-slate-900">
            Analytics per campaign
          </h2>
          <p className="text-sm text-slate-600">
            Each campaign has its own call activity: calls per period, answer rate, conversions, cost and revenue.
          </p>
        </div>
        {campaigns.isPending ? (
          <ListSkeleton label="Loading campaigns…" testId="analytics-campaigns-loading">
            <Skeleton className="h-4 w-48" />
          </ListSkeleton>
        ) : campaigns.isError ? (
          <Alert tone="error" title="Campaigns could not be loaded">
            <p>{errorMessage(campaigns.error)}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => campaigns.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : campaigns.data.data.length === 0 ? (
          <EmptyState
            icon={<ChartIcon className="size-6" />}
            title="No campaigns yet"
            description="Analytics start with a campaign: create one, import leads and start it."
            action={
              <Link href="/campaigns" className={buttonClasses({ variant: "secondary" })}>
                Go to campaigns
              </Link>
            }
          />
        ) : (
          <div aria-busy={campaigns.isFetching || undefined}>
            <Table label="Campaign analytics">
              <THead>
                <tr>
                  <Th>Campaign</Th>
                  <Th className="hidden sm:table-cell">Status</Th>
                  <Th className="text-right">Leads contacted</Th>
                  <Th className="hidden text-right md:table-cell">Success rate</Th>
                  <Th className="hidden text-right md:table-cell">Conversion rate</Th>
                  <Th>
                    <span className="sr-only">Open</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {campaigns.data.data.map((campaign) => (
                  <tr key={campaign.campaign_id} data-testid="analytics-campaign-row">
                    <Td className="max-w-56 truncate font-medium text-slate-900">{campaign.name}</Td>
                    <Td className="hidden sm:table-cell">
                      <CampaignStatusBadge status={campaign.status} />
                    </Td>
                    <Td className="text-right tabular-nums">
                      {formatNumber(campaign.progress.contacted)} / {formatNumber(campaign.progress.total_prospects)}
                    </Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{formatPercent(campaign.performance.success_rate)}</Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">{formatPercent(campaign.performance.conversion_rate)}</Td>
                    <Td className="text-right">
                      <Link
                        href={`/campaigns/${encodeURIComponent(campaign.campaign_id)}#analytics`}
                        className="text-sm font-medium whitespace-nowrap text-brand-700 hover:underline"
                        aria-label={`View analytics for ${campaign.name}`}
                      >
                        View analytics
                      </Link>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <Pagination
              pagination={campaigns.data.pagination}
              itemCount={campaigns.data.data.length}
              disabled={campaigns.isFetching}
              label="Campaign pages"
              onPageChange={setPage}
            />
          </div>
        )}
      </section>
    </Card>
  );
}
