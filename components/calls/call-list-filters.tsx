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

/** One labelled select of the bar: "all" first, then the options. */
function FilterSelect({ id, label, value, all, options, onChange }: { id: string; label: string; value: string | undefined; all: string; options: Option[]; onChange: (value: string) => void }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} className="text-xs text-slate-600">
        {label}
      </Label>
      <Select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
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
        <FilterSelect
          id="calls-status-filter"
          label="Status"
          value={filters.status}
          all="All statuses"
          options={CALL_STATUSES.map((s: CallStatus) => ({ value: s, label: CALL_STATUS_LABELS[s] }))}
          onChange={(v) => set("status", CALL_STATUSES.find((s) => s === v) ?? "")}
        />
        <FilterSelect
          id="calls-disposition-filter"
          label="Disposition"
          value={filters.disposition}
          all="All dispositions"
          options={DISPOSITIONS.map((d: CallDisposition) => ({ value: d, label: DISPOSITION_LABELS[d] }))}
          onChange={(v) => set("disposition", DISPOSITIONS.find((d) => d === v) ?? "")}
        />
        <FilterSelect
          id="calls-campaign-filter"
          label="Campaign"
          value={filters.campaign_id}
          all={campaigns.isPending ? "Loading…" : "All campaigns"}
          options={campaignOptions}
          onChange={(v) => set("campaign_id", v)}
        />
        <FilterSelect
          id="calls-agent-filter"
          label="Agent"
          value={filters.agent_id}
          all={agents.isPending ? "Loading…" : "All agents"}
          options={agentOptions}
          onChange={(v) => set("agent_id", v)}
        />
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
