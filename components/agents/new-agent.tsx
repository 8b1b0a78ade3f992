"use client";

import { useRouter } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toast";
import { AgentForm } from "@/components/agents/agent-form";
import { newAgentDefaults } from "@/components/agents/agent-form-schema";
import { useCreateAgent } from "@/components/agents/hooks/use-create-agent";

export function NewAgent() {
  const router = useRouter();
  const create = useCreateAgent();
  return (
    <>
      <Breadcrumbs items={[{ href: "/agents", label: "Agents" }, { label: "New agent" }]} />
      <PageHeader title="New agent" description="Start from the default flow: it asks whether the lead is interested, answers questions and ends the call. Test it once saved." />
      <AgentForm
        defaultValues={newAgentDefaults()}
        submitLabel="Create agent"
        cancelHref="/agents"
        onSubmit={async (body) => {
          const agent = await create.mutateAsync(body);
          toast(`“${agent.name}” was created. Try it in the Test tab.`);
          router.push(`/agents/${encodeURIComponent(agent.id)}`);
        }}
      />
    </>
  );
}
