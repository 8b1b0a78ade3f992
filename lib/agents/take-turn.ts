import "server-only";
// One turn of a test conversation: what the caller said (or their silence, or an event) in, the
// agent's actions out, the state saved. Two turns sent at once cannot both build on the same state:
// the write is conditional on the version read, and the loser is told to send again.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { converse, ConversationEndedError } from "@/lib/agents/engine/converse";
import type { ConversationState, EngineInput } from "@/lib/agents/engine/types";
import { llmConfig } from "@/lib/agents/llm/config";
import type { StoredDefinition } from "@/lib/agents/serialize-agent";
import type { ConversationTurnInput, SampleLead } from "@/lib/agents/schemas";
import { runContext } from "@/lib/agents/start-conversation";
import { publicEngine, publicState } from "@/lib/agents/conversation-state";
import { saveTurn } from "@/lib/agents/save-turn";

function engineInput(input: ConversationTurnInput, at: Date): EngineInput {
  if (input.text !== undefined) return { kind: "utterance", text: input.text.trim(), confidence: input.confidence, at };
  if (input.event) return { kind: "event", event: input.event, at };
  return { kind: "silence", at };
}

export async function takeTurn(ctx: AuthContext, agentId: string, conversationId: string, input: ConversationTurnInput, now = new Date()) {
  const prisma = await db();
  const conversation = await prisma.agentConversation.findFirst({ where: { id: conversationId, agentId, organizationId: ctx.organization.id, kind: "test" } });
  if (!conversation) throw new ApiError("RESOURCE_001", "Conversation not found");
  const state = conversation.state as ConversationState;
  if (state.ended) throw new ApiError("RESOURCE_003", "The conversation has ended; start a new one", { reason: "conversation_ended", disposition: state.disposition });

  const run = runContext(agentId, conversation.definition as StoredDefinition, conversation.lead as SampleLead, ctx.organization.name, conversation.timezone, conversation.recorded);
  let result;
  try {
    result = await converse(run, state, engineInput(input, now), llmConfig());
  } catch (error) {
    if (error instanceof ConversationEndedError) throw new ApiError("RESOURCE_003", error.message, { reason: "conversation_ended" });
    throw error;
  }
  if (!(await saveTurn(prisma, conversation, result, now))) {
    throw new ApiError("RESOURCE_002", "Another turn of this conversation was taken at the same moment; send this one again", { reason: "concurrent_turn" });
  }
  return {
    actions: result.actions,
    understanding: result.understanding
      ? {
          intent: result.understanding.intent,
          confidence: result.understanding.confidence,
          entities: result.understanding.entities,
          knowledge_id: result.understanding.knowledgeId,
        }
      : null,
    state: publicState(result.state),
    engine: publicEngine(result.engine),
  };
}
