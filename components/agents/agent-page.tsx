"use client";

// One agent: its editor and a Test tab to chat with it. Both stay mounted, so switching tabs keeps
// unsaved edits and the conversation.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { cn } from "@/lib/client/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { BotIcon, TrashIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { AgentForm } from "@/components/agents/agent-form";
import { agentDefaults } from "@/components/agents/agent-form-schema";
import { DeleteAgentDialog } from "@/components/agents/delete-agent-dialog";
import { useAgent } from "@/components/agents/hooks/use-agent";
import { useUpdateAgent } from "@/components/agents/hooks/use-update-agent";
import { TestPanel } from "@/components/agents/test-panel";
import { CallMeButton } from "@/components/calls/call-me-button";
import type { Agent } from "@/components/agents/types";

type Tab = "editor" | "test";
const TABS: { id: Tab; label: string }[] = [
  { id: "editor", label: "Editor" },
  { id: "test", label: "Test" },
];

export function AgentPage({ agentId, canManage, canCall = false }: { agentId: string; canManage: boolean; canCall?: boolean }) {
  const agent = useAgent(agentId);
  if (agent.isPending) return <AgentSkeleton />;
  if (agent.isError) {
    if (agent.error instanceof ApiClientError && agent.error.code === "RESOURCE_001") {
      return (
        <EmptyState
          icon={<BotIcon className="size-6" />}
          title="Agent not found"
          description="It may have been deleted, or the link is wrong."
          action={
            <Link href="/agents" className={buttonClasses({ variant: "secondary" })}>
              All agents
            </Link>
          }
        />
      );
    }
    return (
      <Alert tone="error" title="The agent could not be loaded">
        <p>{errorMessage(agent.error)}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => agent.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <AgentDetail agent={agent.data} canManage={canManage} canCall={canCall} />;
}

function AgentDetail({ agent, canManage, canCall }: { agent: Agent; canManage: boolean; canCall: boolean }) {
  const router = useRouter();
  const update = useUpdateAgent(agent.id);
  const [tab, setTab] = useState<Tab>("editor");
  const [dirty, setDirty] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  return (
    <>
      <Breadcrumbs items={[{ href: "/agents", label: "Agents" }, { label: agent.name }]} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {agent.name}
            {agent.in_use ? <Badge tone="success">In use</Badge> : null}
          </span>
        }
        description={
          agent.description ??
          (canManage ? "Edit what the agent says and how it branches, then test it in a conversation." : "See what the agent says and test it in a conversation.")
        }
        actions={
          canCall || canManage ? (
            <>
              {/* The saved agent calls this tab, as it would call a lead (calls.create). */}
              {canCall ? <CallMeButton agentId={agent.id} agentName={agent.name} /> : null}
              {canManage ? (
                <Button variant="secondary" onClick={() => setDeleting(true)}>
                  <TrashIcon className="size-4" />
                  Delete
                </Button>
              ) : null}
            </>
          ) : null
        }
      />

      <div role="tablist" aria-label="Agent" className="mb-6 flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`agent-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`agent-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(event) => {
              // Arrow keys move between the two tabs (the WAI-ARIA tabs pattern).
              if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
              const next = tab === "editor" ? "test" : "editor";
              setTab(next);
              document.getElementById(`agent-tab-${next}`)?.focus();
            }}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium transition-colors",
              tab === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
            {t.id === "editor" && dirty ? <span className="ml-1.5 inline-block size-1.5 rounded-full bg-amber-500 align-middle" aria-label="unsaved changes" /> : null}
          </button>
        ))}
      </div>

      <div id="agent-panel-editor" role="tabpanel" aria-labelledby="agent-tab-editor" hidden={tab !== "editor"}>
        <AgentForm
          key={agent.id}
          defaultValues={agentDefaults(agent)}
          readOnly={!canManage}
          submitLabel="Save changes"
          onDirtyChange={onDirtyChange}
          onSubmit={async (body) => {
            const saved = await update.mutateAsync(body);
            toast(`“${saved.name}” was saved.`);
            return agentDefaults(saved);
          }}
        />
      </div>
      <div id="agent-panel-test" role="tabpanel" aria-labelledby="agent-tab-test" hidden={tab !== "test"}>
        <TestPanel agent={agent} dirty={dirty} />
      </div>

      {canManage ? (
        <DeleteAgentDialog
          agent={agent}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            toast(`“${agent.name}” was deleted.`);
            router.push("/agents");
          }}
        />
      ) : null}
    </>
  );
}

function AgentSkeleton() {
  return (
    <div className="space-y-6">
      <span className="sr-only" role="status">
        Loading the agent…
      </span>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-9 w-48" />
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
