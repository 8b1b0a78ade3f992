import "server-only";
// Any subset of an agent's fields; the merged definition is checked as a whole (a flow edit may
// make a disposition need an outcome, a new voice must be ready). The row is locked while the merge
// is made, so two edits at once apply one after the other instead of one losing the other's fields.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { UpdateAgentInput } from "@/lib/agents/schemas";
import { checkDefinition } from "@/lib/agents/check-definition";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { agentUsers } from "@/lib/agents/agent-usage";
import { serializeAgent, storedDefinition } from "@/lib/agents/serialize-agent";
import { assertSpeakingVoice } from "@/lib/voice/voices";

export async function updateAgent(ctx: AuthContext, agentId: string, input: UpdateAgentInput) {
  // A new voice is checked before the transaction (a catalogue sync may write).
  const before = await getAgentOrThrow(ctx, agentId);
  if (input.voice_id !== undefined && input.voice_id !== storedDefinition(before).voice_id) await assertSpeakingVoice(ctx, input.voice_id, "voice_id");
  const prisma = await db();
  const updated = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM agents WHERE id = ${agentId} AND organization_id = ${ctx.organization.id} FOR UPDATE`;
    const agent = await getAgentOrThrow(ctx, agentId, tx);
    const definition = await checkDefinition(ctx, { ...storedDefinition(agent), name: agent.name, ...input }, false);
    const row = await tx.agent.update({
      where: { id: agent.id, organizationId: ctx.organization.id },
      data: { name: definition.name, description: definition.description, engine: definition.engine, voiceId: definition.voice_id, definition },
    });
    await recordAudit(tx, ctx, "agent.updated", { type: "agent", id: agent.id }, { fields: Object.keys(input) });
    return row;
  });
  const users = await agentUsers(ctx.organization.id, [updated.id]);
  return serializeAgent(updated, users.has(updated.id));
}
