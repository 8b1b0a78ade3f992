"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { AGENT_ENGINES } from "@/lib/agents/schemas";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { useVoices } from "@/components/voices/hooks/use-voices";
import { languageName } from "@/components/voices/voice-labels";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { BotIcon, PlusIcon } from "@/components/ui/icons";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchField } from "@/components/ui/search-field";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { ENGINE_LABELS } from "@/components/agents/agent-labels";
import { VOICE_DIRECTORY } from "@/components/agents/voice-directory";
import { useAgents } from "@/components/agents/hooks/use-agents";
import type { Agent, AgentEngine } from "@/components/agents/types";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

export function AgentsList({ canManage }: { canManage: boolean }) {
  const [search, setSearch] = useState("");
  const [engine, setEngine] = useState<AgentEngine | "">("");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  // The page belongs to one set of filters: changing any filter starts again at page 1.
  const filterKey = JSON.stringify([debouncedSearch, engine]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const agents = useAgents({ search: debouncedSearch || undefined, engine: engine || undefined, sort: "name", order: "asc", page, limit: PAGE_SIZE });
  const voices = useVoices(VOICE_DIRECTORY, { poll: false });
  const voiceNames = useMemo(() => new Map((voices.data?.data ?? []).map((v) => [v.id, v.name])), [voices.data]);
  const filtered = Boolean(debouncedSearch || engine);

  function clearFilters() {
    setSearch("");
    setEngine("");
  }

  const newAgent = (
    <Link href="/agents/new" className={buttonClasses()}>
      <PlusIcon className="size-4" />
      New agent
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Agents"
        description="The AI agents that speak on your campaigns' calls: what they say, how they branch on answers and how calls end."
        actions={canManage ? newAgent : null}
      />

      <div className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]" role="search" aria-label="Filter agents">
        <SearchField id="agents-search" label="Search agents" placeholder="Search by name or description" value={search} onChange={setSearch} maxLength={100} />
        <div>
          <Label htmlFor="agents-engine-filter" className="sr-only">
            Filter by engine
          </Label>
          <Select id="agents-engine-filter" value={engine} onChange={(event) => setEngine(AGENT_ENGINES.find((e) => e === event.target.value) ?? "")}>
            <option value="">All engines</option>
            {AGENT_ENGINES.map((e) => (
              <option key={e} value={e}>
                {ENGINE_LABELS[e].label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {agents.isPending ? (
        <AgentsSkeleton />
      ) : agents.isError ? (
        <Alert tone="error" title="Agents could not be loaded" data-testid="agents-error">
          <p>{errorMessage(agents.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => agents.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : agents.data.data.length === 0 ? (
        <EmptyState
          icon={<BotIcon className="size-6" />}
          title={filtered ? "No agents match these filters" : "No agents yet"}
          description={
            filtered
              ? "Try a different search or engine."
              : canManage
                ? "Create an agent: its voice, what it says, and how it branches on the caller's answers. Then test it by chatting with it."
                : "Agents your managers create will appear here."
          }
          action={
            filtered ? (
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : canManage ? (
              newAgent
            ) : null
          }
        />
      ) : (
        <div aria-busy={agents.isFetching || undefined}>
          <Table label="Agents">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th className="hidden sm:table-cell">Engine</Th>
                <Th className="hidden md:table-cell">Language</Th>
                <Th className="hidden md:table-cell">Voice</Th>
                <Th className="hidden lg:table-cell">Campaigns</Th>
                <Th className="hidden sm:table-cell">Updated</Th>
              </tr>
            </THead>
            <TBody>
              {agents.data.data.map((agent) => (
                <AgentRow key={agent.id} agent={agent} voiceName={voices.isPending ? null : (voiceNames.get(agent.voice_id) ?? agent.voice_id)} />
              ))}
            </TBody>
          </Table>
          <Pagination
            pagination={agents.data.pagination}
            itemCount={agents.data.data.length}
            disabled={agents.isFetching}
            label="Agent pages"
            onPageChange={(next) => setPaging({ filterKey, page: next })}
          />
        </div>
      )}
    </>
  );
}

/** `voiceName`: null while the voice library loads; the voice's id when it is not in the library's first page. */
function AgentRow({ agent, voiceName }: { agent: Agent; voiceName: string | null }) {
  const fmt = useDisplayFormat();
  const inUse = agent.in_use ? (
    <Badge tone="success" data-testid="agent-in-use">
      In use
    </Badge>
  ) : null;
  return (
    <tr data-testid="agent-row">
      <Td className="max-w-52 sm:max-w-80">
        <Link href={`/agents/${encodeURIComponent(agent.id)}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {agent.name}
        </Link>
        {agent.description ? <p className="truncate text-slate-500">{agent.description}</p> : null}
        {/* Narrow screens lose the other columns: the essentials come here. */}
        <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500 md:hidden">
          <span>{[ENGINE_LABELS[agent.engine].label, voiceName, agent.language].filter(Boolean).join(" · ")}</span>
          <span className="lg:hidden">{inUse}</span>
        </p>
      </Td>
      <Td className="hidden sm:table-cell">
        <Badge tone={agent.engine === "llm" ? "brand" : "neutral"}>{ENGINE_LABELS[agent.engine].label}</Badge>
      </Td>
      <Td className="hidden whitespace-nowrap md:table-cell" title={agent.language}>
        {languageName(agent.language)}
      </Td>
      <Td className="hidden whitespace-nowrap md:table-cell">{voiceName ?? <Skeleton className="h-4 w-16" />}</Td>
      <Td className="hidden lg:table-cell">{inUse ?? <span className="text-slate-400">Not used</span>}</Td>
      <Td className="hidden whitespace-nowrap sm:table-cell">{fmt.date(agent.updated_at)}</Td>
    </tr>
  );
}

function AgentsSkeleton() {
  return (
    <ListSkeleton label="Loading agents…" testId="agents-loading">
      <div className="flex-1 space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-3 w-64 max-w-full" />
      </div>
      <Skeleton className="hidden h-6 w-14 sm:block" />
      <Skeleton className="hidden h-4 w-32 md:block" />
      <Skeleton className="hidden h-4 w-20 md:block" />
      <Skeleton className="hidden h-4 w-24 sm:block" />
    </ListSkeleton>
  );
}
