import { formatNumber, formatPercent } from "@/lib/client/format";
import type { Campaign } from "@/lib/client/types";
import { ProgressBar } from "@/components/ui/progress";
import { Kpi } from "@/components/ui/kpi";

const ratio = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** ROI as the API reports it, (revenue − cost) ÷ cost: 4.85 means $4.85 back on top of each $1. */
function formatRatio(value: number): string {
  return ratio.format(value);
}

/** The campaign's progress and performance as the API computes them (README "Campaign metrics"). */
export function CampaignKpis({ campaign }: { campaign: Campaign }) {
  const { progress, performance } = campaign;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5" aria-label="Campaign figures">
      <Kpi label="Total prospects" value={formatNumber(progress.total_prospects)} testId="kpi-total-prospects">
        Leads in the campaign
      </Kpi>
      <Kpi label="Contacted" value={formatNumber(progress.contacted)} testId="kpi-contacted">
        <ProgressBar
          size="sm"
          value={progress.progress_percentage}
          label="Leads contacted"
          valueText={`${formatPercent(progress.progress_percentage)} of leads contacted`}
        />
        <span className="mt-1 block">{formatPercent(progress.progress_percentage)} of leads</span>
      </Kpi>
      <Kpi label="Success rate" value={formatPercent(performance.success_rate)} testId="kpi-success-rate">
        Calls answered
      </Kpi>
      <Kpi label="Conversion rate" value={formatPercent(performance.conversion_rate)} testId="kpi-conversion-rate">
        Answered calls that converted
      </Kpi>
      <Kpi
        label="ROI"
        value={performance.roi === null ? "—" : `${formatRatio(performance.roi)}×`}
        testId="kpi-roi"
        className="col-span-2 lg:col-span-1"
      >
        {performance.roi === null ? "Nothing spent yet" : "Net return per $1 spent"}
      </Kpi>
    </dl>
  );
}
