import "server-only";
// A turn's result saved on its conversation — only on the state the turn read (the version), so two
// turns taken at once cannot both build on it. The losing turn is not kept, but the model it called was
// paid for: its tokens still count. Test conversations (./take-turn.ts) and calls (lib/calls/call-turn.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConverseResult } from "@/lib/agents/engine/converse";

type Tx = Pick<Prisma.TransactionClient, "agentConversation">;

/** True when the turn was kept; false when another turn got there first. */
export async function saveTurn(tx: Tx, conversation: { id: string; version: number }, result: ConverseResult, at: Date): Promise<boolean> {
  const tokens = {
    llmInputTokens: { increment: result.engine.inputTokens },
    llmOutputTokens: { increment: result.engine.outputTokens },
    llmCost: { increment: result.engine.cost },
  };
  const written = await tx.agentConversation.updateMany({
    where: { id: conversation.id, version: conversation.version },
    data: { state: result.state, version: { increment: 1 }, ...tokens, endedAt: result.state.ended ? at : null },
  });
  if (written.count > 0) return true;
  if (result.engine.inputTokens || result.engine.outputTokens) await tx.agentConversation.update({ where: { id: conversation.id }, data: tokens });
  return false;
}
