"use client";

// The Calls list's filters: status, disposition, campaign, agent and a date range. The parent keeps
// them in the URL; this only draws the controls and reports changes.
import { DISPOSITIONS } from "@/lib/agents/vocabulary";
import { CALL_STATUSES } from "@/lib/calls/call-status";
import { useAgents } from "@/components/agents/hooks/use-agents";
import { useCampaigns } from "@/components/campaigns/hooks/use-campaigns";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { CloseIcon } from "@/components/ui/icons";
import { CALL_STATUS_LABELS, DISPOSITION_LABELS } from "@/components/calls/call-labels";
import { hasFilters } from "@/components/calls/call-filters";
import type { CallDisposition, CallListFilters, CallStatus } from "@/components/calls/types";

/** The API's page limit: the selects offer the first hundred campaigns and agents. */
const OPTIONS_LIMIT = 100;

type Option = { value: string; label: string };

/** The options, plus the chosen id when the first page does not hold it (so the select still shows it). */
function withChosen(options: Option[], chosen: string | undefined): Option[] {
  if (!chosen || options.some((o) => o.value === chosen)) return options;
  return [...options, { value: chosen, label: chosen }];
}

export function CallFilterBar({ filters, onChange }: { filters: CallListFilters; onChange: (next: CallListFilters) => void }) {
  const campaigns = useCampaigns({ page: 1, limit: OPTIONS_LIMIT });
  const agents = useAgents({ page: 1, limit: OPTIONS_LIMIT, sort: "name", order: "asc" });
  const campaignOptions = withChosen(
    (campaigns.data?.data ?? []).map((c) => ({ value: c.campaign_id, label: c.name })),
    filters.campaign_id,
  );
  const agentOptions = withChosen(
    (agents.data?.data ?? []).map((a) => ({ value: a.id, label: a.name })),
    filters.agent_id,
  );

  function set<K extends keyof CallListFilters>(key: K, value: CallListFilters[K] | "") {
    onChange({ ...filters, [key]: value || undefined });
  }

  return (
    <div className="mb-4 space-y-3" role="search" aria-label="Filter calls">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <div className="space-y-1">
          <Label htmlFor="calls-status-filter" className="text-xs text-slate-600">
            Status
          </Label>
          <Select id="calls-status-filter" value={filters.status ?? ""} onChange={(e) => set("status", CALL_STATUSES.find((s) => s === e.target.value) ?? "")}>
            <option value="">All statuses</option>
            {CALL_STATUSES.map((s: CallStatus) => (
              <option key={s} value={s}>
                {CALL_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-disposition-filter" className="text-xs text-slate-600">
            Disposition
          </Label>
          <Select
            id="calls-disposition-filter"
            value={filters.disposition ?? ""}
            onChange={(e) => set("disposition", DISPOSITIONS.find((d) => d === e.target.value) ?? "")}
          >
            <option value="">All dispositions</option>
            {DISPOSITIONS.map((d: CallDisposition) => (
              <option key={d} value={d}>
                {DISPOSITION_LABELS[d]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-campaign-filter" className="text-xs text-slate-600">
            Campaign
          </Label>
          <Select id="calls-campaign-filter" value={filters.campaign_id ?? ""} onChange={(e) => set("campaign_id", e.target.value)}>
            <option value="">{campaigns.isPending ? "Loading…" : "All campaigns"}</option>
            {campaignOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-agent-filter" className="text-xs text-slate-600">
            Agent
          </Label>
          <Select id="calls-agent-filter" value={filters.agent_id ?? ""} onChange={(e) => set("agent_id", e.target.value)}>
            <option value="">{agents.isPending ? "Loading…" : "All agents"}</option>
            {agentOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-date-from" className="text-xs text-slate-600">
            From
          </Label>
          <Input
            id="calls-date-from"
            type="date"
            value={filters.date_from ?? ""}
            max={filters.date_to}
            onChange={(e) => set("date_from", e.target.value)}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-date-to" className="text-xs text-slate-600">
            To
          </Label>
          <Input id="calls-date-to" type="date" value={filters.date_to ?? ""} min={filters.date_from} onChange={(e) => set("date_to", e.target.value)} />
        </div>
      </div>
      {hasFilters(filters) ? (
        <div className="flex flex-wrap items-center gap-2">
          {filters.lead_id ? (
            <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset">
              One lead&apos;s calls
              <button
                type="button"
                onClick={() => set("lead_id", "")}
                aria-label="Show every lead's calls"
                className="rounded-full p-0.5 hover:bg-brand-100"
              >
                <CloseIcon className="size-3.5" />
              </button>
            </span>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => onChange({})}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}
