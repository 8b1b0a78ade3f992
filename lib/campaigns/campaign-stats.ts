import "server-only";
// Campaign progress and performance for any number of campaigns in one query over campaign_stats,
// the per-campaign counters that triggers keep exact as leads and calls change (migration
// "campaign_read_models"). The cost is one row per campaign, whatever the number of leads and calls.
// Definitions and rounding: lib/campaigns/metrics.ts.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { conversionRate, moneyUnits, progressPercentage, roi, successRate } from "@/lib/campaigns/metrics";
import type { LEAD_STATUSES } from "@/lib/leads/schemas";

export type CampaignProgress = { total_prospects: number; contacted: number; progress_percentage: number };
export type CampaignPerformance = { success_rate: number | null; conversion_rate: number | null; roi: number | null };
export type CampaignStats = { progress: CampaignProgress; performance: CampaignPerformance };
export type LeadStatusCounts = Record<(typeof LEAD_STATUSES)[number], number>;

/** One campaign_stats row as read here (counts as numbers, money as numeric text). */
export type CampaignCounters = {
  leads: LeadStatusCounts & { total: number };
  calls: { placed: number; connected: number; converted: number; cost: string; revenue: string };
};

const ZERO: CampaignCounters = {
  leads: { total: 0, pending: 0, contacted: 0, converted: 0, not_interested: 0, callback: 0, do_not_call: 0 },
  calls: { placed: 0, connected: 0, converted: 0, cost: "0", revenue: "0" },
};

type CounterRow = {
  campaign_id: string;
  leads_total: number;
  leads_pending: number;
  leads_contacted: number;
  leads_converted: number;
  leads_not_interested: number;
  leads_callback: number;
  leads_do_not_call: number;
  calls_placed: number;
  calls_connected: number;
  calls_converted: number;
  cost: string;
  revenue: string;
};

/** The counters of these campaigns of the organization; a campaign with no row yet has zeros. */
export async function campaignCounters(prisma: Db, organizationId: string, campaignIds: string[]): Promise<Map<string, CampaignCounters>> {
  const counters = new Map<string, CampaignCounters>(campaignIds.map((id) => [id, structuredClone(ZERO)]));
  if (campaignIds.length === 0) return counters;
  const rows = await prisma.$queryRaw<CounterRow[]>`
    SELECT campaign_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested,
           leads_callback, leads_do_not_call, calls_placed, calls_connected, calls_converted,
           cost::text AS cost, revenue::text AS revenue
    FROM campaign_stats
    WHERE organization_id = ${organizationId} AND campaign_id IN (${Prisma.join(campaignIds)})`;
  for (const r of rows) {
    counters.set(r.campaign_id, {
      leads: {
        total: r.leads_total,
        pending: r.leads_pending,
        contacted: r.leads_contacted,
        converted: r.leads_converted,
        not_interested: r.leads_not_interested,
        callback: r.leads_callback,
        do_not_call: r.leads_do_not_call,
      },
      calls: { placed: r.calls_placed, connected: r.calls_connected, converted: r.calls_converted, cost: r.cost, revenue: r.revenue },
    });
  }
  return counters;
}

export function statsFromCounters(c: CampaignCounters): CampaignStats {
  // "contacted" = no longer pending (README "Campaign metrics").
  const contacted = c.leads.total - c.leads.pending;
  return {
    progress: { total_prospects: c.leads.total, contacted, progress_percentage: progressPercentage(contacted, c.leads.total) },
    performance: {
      success_rate: successRate(c.calls.connected, c.calls.placed),
      conversion_rate: conversionRate(c.calls.converted, c.calls.connected),
      roi: roi(moneyUnits(c.calls.revenue), moneyUnits(c.calls.cost)),
    },
  };
}

export async function campaignStats(prisma: Db, organizationId: string, campaignIds: string[]): Promise<Map<string, CampaignStats>> {
  const counters = await campaignCounters(prisma, organizationId, campaignIds);
  return new Map([...counters].map(([id, c]) => [id, statsFromCounters(c)]));
}
