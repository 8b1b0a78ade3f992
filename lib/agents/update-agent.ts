import "server-only";
// Any subset of an agent's fields; the merged definition is checked as a whole (a flow edit may
// make a disposition need an outcome, a new voice must be ready).
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { UpdateAgentInput } from "@/lib/agents/schemas";
import { checkDefinition } from "@/lib/agents/check-definition";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { agentUsers } from "@/lib/agents/agent-usage";
import { serializeAgent, storedDefinition } from "@/lib/agents/serialize-agent";

export async function updateAgent(ctx: AuthContext, agentId: string, input: UpdateAgentInput) {
  const agent = await getAgentOrThrow(ctx, agentId);
  const current = storedDefinition(agent);
  const definition = await checkDefinition(ctx, { ...current, name: agent.name, ...input }, input.voice_id !== undefined && input.voice_id !== current.voice_id);
  const prisma = await db();
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.agent.update({
      where: { id: agent.id },
      data: { name: definition.name, description: definition.description, engine: definition.engine, voiceId: definition.voice_id, definition },
    });
    await recordAudit(tx, ctx, "agent.updated", { type: "agent", id: agent.id }, { fields: Object.keys(input) });
    return row;
  });
  const users = await agentUsers(ctx.organization.id, [agent.id]);
  return serializeAgent(updated, users.has(agent.id));
}
