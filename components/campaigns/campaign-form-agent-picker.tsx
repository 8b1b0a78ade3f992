"use client";

// The campaign's AI agent (settings.agent_id): one of the organization's agents, by name, or none.
import Link from "next/link";
import { errorMessage } from "@/lib/client/api-client";
import { Field, Select, fieldAria } from "@/components/ui/field";
import { useAgents } from "@/components/agents/hooks/use-agents";

/** The first 100 agents by name: the API's largest page, enough for a picker. */
const PICKER_FILTERS = { page: 1, limit: 100, sort: "name", order: "asc" } as const;

export function CampaignAgentPicker({
  id,
  value,
  onChange,
  onBlur,
  selectRef,
  error,
}: {
  id: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur: () => void;
  selectRef: React.Ref<HTMLSelectElement>;
  error?: string;
}) {
  const agents = useAgents(PICKER_FILTERS);
  const list = agents.data?.data ?? [];
  const known = value === null || list.some((agent) => agent.id === value);
  const hint = agents.isError ? (
    `The agents could not be loaded: ${errorMessage(agents.error)}`
  ) : (
    <>
      Speaks on this campaign&apos;s calls.{" "}
      <Link href="/agents" className="font-medium text-brand-700 hover:underline">
        Manage agents
      </Link>
    </>
  );
  return (
    <Field id={id} label="AI agent" hint={hint} error={error} className="sm:max-w-sm">
      <Select
        {...fieldAria(id, error, "hint")}
        ref={selectRef}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || null)}
        onBlur={onBlur}
      >
        <option value="">No agent</option>
        {!known && value ? <option value={value}>{agents.isPending ? "Loading agents…" : `Unknown agent (${value})`}</option> : null}
        {list.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
