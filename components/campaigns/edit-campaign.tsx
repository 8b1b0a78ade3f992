"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/lib/client/api-client";
import { useCampaign } from "@/components/campaigns/hooks/use-campaign";
import { useUpdateCampaign } from "@/components/campaigns/hooks/use-update-campaign";
import { isTerminal } from "@/lib/campaigns/transitions";
import type { Campaign } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { campaignDefaults } from "@/components/campaigns/campaign-form-schema";
import { CampaignNotFound, isNotFound } from "@/components/campaigns/campaign-not-found";
import { useDisplayFormat } from "@/lib/client/display-format";

export function EditCampaign({ campaignId, timeZones }: { campaignId: string; timeZones: string[] }) {
  const campaign = useCampaign(campaignId);
  const detailHref = `/campaigns/${encodeURIComponent(campaignId)}`;

  if (campaign.isPending) return <FormSkeleton />;
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

  const data = campaign.data;
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/campaigns", label: "Campaigns" }, { href: detailHref, label: data.name }, { label: "Edit" }]}
      />
      <PageHeader title={`Edit ${data.name}`} description="Changes apply to calls placed from now on." />
      {isTerminal(data.status) ? (
        <Alert tone="warning" title={`This campaign is ${data.status}`} data-testid="campaign-read-only">
          <p>A {data.status} campaign is read-only: its settings can no longer be changed.</p>
          <Link href={detailHref} className={buttonClasses({ variant: "secondary", size: "sm", className: "mt-3" })}>
            View the campaign
          </Link>
        </Alert>
      ) : (
        <EditForm key={data.campaign_id} campaign={data} timeZones={timeZones} detailHref={detailHref} />
      )}
    </>
  );
}

function EditForm({ campaign, timeZones, detailHref }: { campaign: Campaign; timeZones: string[]; detailHref: string }) {
  const fmt = useDisplayFormat();
  const router = useRouter();
  const updateCampaign = useUpdateCampaign(campaign.campaign_id);
  const isDraft = campaign.status === "draft";
  return (
    <CampaignForm
      defaultValues={campaignDefaults(campaign, fmt.timeZone)}
      timeZones={timeZones}
      typeLocked={!isDraft}
      submitLabel="Save changes"
      cancelHref={detailHref}
      onSubmit={async (values) => {
        await updateCampaign.mutateAsync({
          name: values.name,
          description: values.description || null,
          // The API refuses a type change once the campaign has left draft.
          ...(isDraft ? { campaign_type: values.campaign_type } : {}),
          settings: values.settings,
          schedule: values.schedule,
        });
        router.push(detailHref);
      }}
    />
  );
}

function FormSkeleton() {
  return (
    <div className="space-y-6">
      <span className="sr-only" role="status">
        Loading the campaign…
      </span>
      <Skeleton className="h-8 w-64" />
      {[0, 1].map((i) => (
        <Card key={i} className="space-y-5">
          <Skeleton className="h-5 w-32" />
          {[0, 1, 2].map((j) => (
            <div key={j} className="space-y-2">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}
