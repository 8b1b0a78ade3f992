import "server-only";
// A test conversation: the same engine a call runs, with text instead of a phone. The agent's
// definition is copied into the conversation, so editing the agent mid-test cannot pull a step from
// under it; a new conversation picks the edit up.
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { AuthContext } from "@/lib/auth/context";
import { converse } from "@/lib/agents/engine/converse";
import { INITIAL_STATE, type RunContext } from "@/lib/agents/engine/types";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { llmConfig } from "@/lib/agents/llm/config";
import { storedDefinition, type StoredDefinition } from "@/lib/agents/serialize-agent";
import type { SampleLead, StartConversationInput } from "@/lib/agents/schemas";
import { publicEngine, publicState } from "@/lib/agents/conversation-state";

export function runContext(agentId: string, definition: StoredDefinition, lead: SampleLead, organizationName: string, timeZone: string, recorded: boolean): RunContext {
  return { agent: { ...definition, id: agentId }, lead, organizationName, timeZone, recorded };
}

export async function startConversation(ctx: AuthContext, agentId: string, input: StartConversationInput, now = new Date()) {
  const agent = await getAgentOrThrow(ctx, agentId);
  const definition = storedDefinition(agent);
  const lead = input.lead ?? {};
  const timeZone = lead.timezone ?? ctx.organization.timezone;
  const run = runContext(agent.id, definition, lead, ctx.organization.name, timeZone, input.recorded);
  const result = await converse(run, INITIAL_STATE, { kind: "start", at: now }, llmConfig());
  const prisma = await db();
  const conversation = await prisma.agentConversation.create({
    data: {
      id: newId("conversation"),
      organizationId: ctx.organization.id,
      agentId: agent.id,
      kind: "test",
      definition,
      lead,
      timezone: timeZone,
      recorded: input.recorded,
      state: result.state,
      createdById: ctx.user.id,
      endedAt: result.state.ended ? now : null,
    },
  });
  return {
    conversation_id: conversation.id,
    agent_id: agent.id,
    actions: result.actions,
    state: publicState(result.state),
    engine: publicEngine(result.engine),
    created_at: conversation.createdAt.toISOString(),
  };
}
