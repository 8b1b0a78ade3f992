import "server-only";
// Campaign progress and performance, aggregated in SQL for any number of campaigns in two queries
// (no per-campaign round trips). Definitions (README "Campaign metrics"):
//   total_prospects     leads in the campaign
//   contacted           leads whose status is no longer `pending`
//   progress_percentage contacted / total_prospects × 100
//   success_rate        connected calls (answered) / calls placed × 100, null before any call
//   conversion_rate     converted calls / connected calls × 100, null before any answered call
//   roi                 (revenue − cost) / cost, null while nothing was spent
// A rate with nothing to divide is null, like ROI: "0 %" before the first call would be a claim.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

export type CampaignProgress = { total_prospects: number; contacted: number; progress_percentage: number };
export type CampaignPerformance = { success_rate: number | null; conversion_rate: number | null; roi: number | null };
export type CampaignStats = { progress: CampaignProgress; performance: CampaignPerformance };

const EMPTY: CampaignStats = {
  progress: { total_prospects: 0, contacted: 0, progress_percentage: 0 },
  performance: { success_rate: null, conversion_rate: null, roi: null },
};

export async function campaignStats(prisma: Db, campaignIds: string[]): Promise<Map<string, CampaignStats>> {
  const stats = new Map<string, CampaignStats>(campaignIds.map((id) => [id, structuredClone(EMPTY)]));
  if (campaignIds.length === 0) return stats;
  const ids = Prisma.join(campaignIds);
  const [leadRows, callRows] = await Promise.all([
    prisma.$queryRaw<{ campaign_id: string; total: number; contacted: number; pct: number }[]>`
      SELECT campaign_id,
             count(*)::int AS total,
             count(*) FILTER (WHERE status <> 'pending')::int AS contacted,
             round(100.0 * count(*) FILTER (WHERE status <> 'pending') / count(*), 1)::float8 AS pct
      FROM leads WHERE campaign_id IN (${ids}) GROUP BY campaign_id`,
    prisma.$queryRaw<{ campaign_id: string; success: number | null; conversion: number | null; roi: number | null }[]>`
      SELECT campaign_id,
             round(100.0 * count(answered_at) / nullif(count(*), 0), 2)::float8 AS success,
             round(100.0 * count(*) FILTER (WHERE converted) / nullif(count(answered_at), 0), 2)::float8 AS conversion,
             round((sum(revenue) - sum(cost)) / nullif(sum(cost), 0), 2)::float8 AS roi
      FROM calls WHERE campaign_id IN (${ids}) GROUP BY campaign_id`,
  ]);
  for (const r of leadRows) {
    stats.get(r.campaign_id)!.progress = { total_prospects: r.total, contacted: r.contacted, progress_percentage: r.pct };
  }
  for (const r of callRows) {
    stats.get(r.campaign_id)!.performance = { success_rate: r.success, conversion_rate: r.conversion, roi: r.roi };
  }
  return stats;
}
