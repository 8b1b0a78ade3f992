import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { AgentPage } from "@/components/agents/agent-page";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentDetailPage({ params }: { params: Promise<{ agent_id: string }> }) {
  const { permissions } = await requirePagePermission("agents.view");
  const { agent_id } = await params;
  return <AgentPage agentId={agent_id} canManage={permissions.has("agents.manage")} canCall={permissions.has("calls.create")} />;
}
