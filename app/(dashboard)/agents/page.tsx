import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { AgentsList } from "@/components/agents/agents-list";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  const { permissions } = await requirePagePermission("agents.view");
  return <AgentsList canManage={permissions.has("agents.manage")} />;
}
