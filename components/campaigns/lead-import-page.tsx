"use client";

import Link from "next/link";
import { errorMessage } from "@/lib/client/api-client";
import { isTerminal } from "@/lib/campaigns/transitions";
import { useCampaign } from "@/components/campaigns/hooks/use-campaign";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { CampaignNotFound, isNotFound } from "@/components/campaigns/campaign-not-found";
import { LeadImportWizard } from "@/components/campaigns/lead-import-wizard";

export function LeadImportPage({ campaignId, defaultCountry }: { campaignId: string; defaultCountry: string }) {
  const campaign = useCampaign(campaignId);
  const campaignHref = `/campaigns/${encodeURIComponent(campaignId)}`;

  if (campaign.isPending) {
    return (
      <div className="space-y-4">
        <span className="sr-only" role="status">
          Loading the campaign…
        </span>
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (campaign.isError) {
    if (isNotFound(campaign.error)) return <CampaignNotFound />;
    return (
      <Alert tone="error" title="The campaign could not be loaded">
        <p>{errorMessage(campaign.error)}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => campaign.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  const { name, status } = campaign.data;
  return (
    <>
      <Breadcrumbs items={[{ href: "/campaigns", label: "Campaigns" }, { href: campaignHref, label: name }, { label: "Upload leads" }]} />
      <PageHeader
        title="Upload leads"
        description={`Add people to call to ${name} from a CSV file. Numbers on your do-not-call list are left out.`}
      />
      {isTerminal(status) ? (
        <Alert tone="warning" title={`This campaign is ${status}`}>
          <p>A {status} campaign is read-only: it takes no new leads.</p>
          <Link href={campaignHref} className={buttonClasses({ variant: "secondary", size: "sm", className: "mt-3" })}>
            View the campaign
          </Link>
        </Alert>
      ) : (
        <LeadImportWizard campaignId={campaignId} campaignHref={campaignHref} defaultCountry={defaultCountry} />
      )}
    </>
  );
}
