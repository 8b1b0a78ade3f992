import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { agentUsers } from "@/lib/agents/agent-usage";
import { serializeAgent } from "@/lib/agents/serialize-agent";

export async function getAgent(ctx: AuthContext, agentId: string) {
  const agent = await getAgentOrThrow(ctx, agentId);
  const users = await agentUsers(ctx.organization.id, [agent.id]);
  return serializeAgent(agent, users.has(agent.id));
}
