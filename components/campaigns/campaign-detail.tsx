"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { isTerminal } from "@/lib/campaigns/transitions";
import { formatCurrency, formatNumber } from "@/lib/client/format";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useCampaign } from "@/components/campaigns/hooks/use-campaign";
import type { Campaign } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UploadIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { CAMPAIGN_TYPE_LABELS, WEEKDAY_LABELS } from "@/components/campaigns/campaign-labels";
import { CampaignAnalyticsCard } from "@/components/campaigns/campaign-analytics-card";
import { CampaignKpis } from "@/components/campaigns/campaign-kpis";
import { CampaignLeadsTable } from "@/components/campaigns/campaign-leads-table";
import { CampaignNotFound, isNotFound } from "@/components/campaigns/campaign-not-found";
import { CampaignStatusActions } from "@/components/campaigns/campaign-status-actions";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { LeadImportsTable } from "@/components/campaigns/lead-imports-table";
import { CallMeButton } from "@/components/calls/call-me-button";

type Notice = { tone: "success"; text: string } | { tone: "error"; title: string; error: unknown };

export type CampaignPermissions = { canUpdate: boolean; canImport: boolean; canViewAnalytics: boolean; canCall?: boolean };

export function CampaignDetail({ campaignId, permissions }: { campaignId: string; permissions: CampaignPermissions }) {
  const campaign = useCampaign(campaignId);

  if (campaign.isPending) return <DetailSkeleton />;
  if (campaign.isError) {
    if (isNotFound(campaign.error)) return <CampaignNotFound />;
    return (
      <Alert tone="error" title="The campaign could not be loaded" data-testid="campaign-error">
        <p>{errorMessage(campaign.error)}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => campaign.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <CampaignDetailView campaign={campaign.data} permissions={permissions} />;
}

function CampaignDetailView({ campaign, permissions }: { campaign: Campaign; permissions: CampaignPermissions }) {
  const fmt = useDisplayFormat();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { canUpdate, canImport, canViewAnalytics, canCall = false } = permissions;
  const base = `/campaigns/${encodeURIComponent(campaign.campaign_id)}`;
  const readOnly = isTerminal(campaign.status);
  const importHref = `${base}/import`;

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs items={[{ href: "/campaigns", label: "Campaigns" }, { label: campaign.name }]} />
        <div className="flex flex-col gap-4">
          <div className="min-w-0 space-y-2">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{campaign.name}</h1>
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <CampaignStatusBadge status={campaign.status} />
              <span>{CAMPAIGN_TYPE_LABELS[campaign.campaign_type]}</span>
              <span aria-hidden="true">·</span>
              <span>Created {fmt.dateTime(campaign.created_at)}</span>
            </div>
            {campaign.description ? <p className="max-w-3xl text-sm whitespace-pre-line text-slate-600">{campaign.description}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2 empty:hidden" data-testid="campaign-actions">
            {canUpdate ? (
              <CampaignStatusActions
                campaign={campaign}
                onDone={(text) => setNotice({ tone: "success", text })}
                onError={(title, error) => setNotice({ tone: "error", title, error })}
              />
            ) : null}
            {canUpdate && !readOnly ? (
              <Link href={`${base}/edit`} className={buttonClasses({ variant: "secondary" })}>
                Edit
              </Link>
            ) : null}
            {canImport && !readOnly ? (
              <Link href={importHref} className={buttonClasses({ variant: "secondary" })}>
                <UploadIcon className="size-4" />
                Upload leads
              </Link>
            ) : null}
            {canCall ? (
              <CallMeButton
                agentId={campaign.settings.agent_id}
                campaignId={campaign.campaign_id}
                disabledReason={campaign.settings.agent_id ? null : canUpdate && !readOnly ? "This campaign has no agent yet: pick one in Edit." : "This campaign has no agent yet."}
              />
            ) : null}
          </div>
        </div>
      </div>

      {notice?.tone === "success" ? (
        <Alert tone="success" onDismiss={() => setNotice(null)} data-testid="campaign-notice">
          {notice.text}
        </Alert>
      ) : notice?.tone === "error" ? (
        <Alert tone="error" title={notice.title} onDismiss={() => setNotice(null)} data-testid="campaign-action-error">
          <p>{errorMessage(notice.error)}</p>
          {canImport && !readOnly && isNoCallableLeads(notice.error) ? (
            <Link href={importHref} className="mt-2 inline-block font-medium underline">
              Go to lead import
            </Link>
          ) : null}
        </Alert>
      ) : null}

      {readOnly ? (
        <Alert tone="info" data-testid="campaign-read-only">
          This campaign is {campaign.status}: it is read-only and places no more calls.
        </Alert>
      ) : null}

      <CampaignKpis campaign={campaign} />
      <SettingsSummary campaign={campaign} />
      {canViewAnalytics ? <CampaignAnalyticsCard campaignId={campaign.campaign_id} /> : null}
      <CampaignLeadsTable
        campaignId={campaign.campaign_id}
        emptyAction={
          canImport && !readOnly ? (
            <Link href={importHref} className={buttonClasses({ variant: "secondary" })}>
              Import a CSV file
            </Link>
          ) : null
        }
      />
      {canImport ? <LeadImportsTable campaignId={campaign.campaign_id} /> : null}
    </div>
  );
}

function isNoCallableLeads(error: unknown): boolean {
  return error instanceof ApiClientError && error.code === "RESOURCE_003" && error.details.reason === "no_callable_leads";
}

function daysLabel(days: Campaign["settings"]["calling_hours"]["days"]): string {
  if (days.length === 7) return "Every day";
  return days.map((day) => WEEKDAY_LABELS[day].short).join(", ");
}

function SettingsSummary({ campaign }: { campaign: Campaign }) {
  const fmt = useDisplayFormat();
  const { settings, schedule } = campaign;
  const rows: [string, string][] = [
    ["Calling hours", `${settings.calling_hours.start}–${settings.calling_hours.end}, ${daysLabel(settings.calling_hours.days)}`],
    ["Time zone", `${settings.timezone.replaceAll("_", " ")}${settings.respect_lead_timezone ? " (or the lead's own)" : ""}`],
    ["Max calls per day", formatNumber(settings.max_calls_per_day)],
    ["Max attempts per lead", formatNumber(settings.max_attempts_per_prospect)],
    ["Retry delay", `${formatNumber(settings.retry_delay_minutes)} minutes`],
    ["Max concurrent calls", formatNumber(settings.max_concurrent_calls)],
    ["Recording", settings.recording ? "On" : "Off"],
    ["Transcription", settings.transcription ? "On" : "Off"],
    ["Conversion value", formatCurrency(settings.conversion_value)],
    ["Starts", fmt.dateTime(schedule.start_date, "When started")],
    ["Ends", fmt.dateTime(schedule.end_date, "No end date")],
    ...(campaign.started_at ? ([["First started", fmt.dateTime(campaign.started_at)]] as [string, string][]) : []),
    ...(campaign.ended_at ? ([["Ended", fmt.dateTime(campaign.ended_at)]] as [string, string][]) : []),
  ];
  return (
    <Card>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="mb-4 text-lg font-semibold text-slate-900">
          Settings
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-3">
          {rows.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Card>
  );
}

function DetailSkeleton() {
  return (
    <div className="space-y-6" data-testid="campaign-loading">
      <span className="sr-only" role="status">
        Loading the campaign…
      </span>
      <div className="space-y-3">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-5 w-56" />
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
