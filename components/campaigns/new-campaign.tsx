"use client";

import { useRouter } from "next/navigation";
import { useCreateCampaign } from "@/components/campaigns/hooks/use-create-campaign";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { newCampaignDefaults } from "@/components/campaigns/campaign-form-schema";

export function NewCampaign({ timeZones, organizationTimeZone }: { timeZones: string[]; organizationTimeZone: string }) {
  const router = useRouter();
  const createCampaign = useCreateCampaign();
  return (
    <>
      <Breadcrumbs items={[{ href: "/campaigns", label: "Campaigns" }, { label: "New campaign" }]} />
      <PageHeader
        title="New campaign"
        description="It starts as a draft: import leads and start it when you are ready."
      />
      <CampaignForm
        defaultValues={newCampaignDefaults(organizationTimeZone)}
        timeZones={timeZones}
        submitLabel="Create campaign"
        cancelHref="/campaigns"
        onSubmit={async (values) => {
          const created = await createCampaign.mutateAsync({
            name: values.name,
            ...(values.description ? { description: values.description } : {}),
            campaign_type: values.campaign_type,
            settings: values.settings,
            schedule: values.schedule,
          });
          router.push(`/campaigns/${encodeURIComponent(created.campaign_id)}`);
        }}
      />
    </>
  );
}
