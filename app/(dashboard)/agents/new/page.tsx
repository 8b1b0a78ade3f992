import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { NewAgent } from "@/components/agents/new-agent";

export const metadata: Metadata = { title: "New agent" };

export default async function NewAgentPage() {
  await requirePagePermission("agents.manage");
  return <NewAgent />;
}
