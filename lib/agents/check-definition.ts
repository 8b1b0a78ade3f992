import "server-only";
// A complete definition is saved only when it is valid and speaks with a ready voice of ours.
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { agentDefinitionSchema, type AgentDefinition } from "@/lib/agents/schemas";
import { definitionProblems, withKnowledgeIds } from "@/lib/agents/validate-agent";
import type { StoredDefinition } from "@/lib/agents/serialize-agent";
import { parseOrThrow } from "@/lib/api/validation";
import { assertSpeakingVoice } from "@/lib/voice/voices";

export async function checkDefinition(ctx: AuthContext, candidate: unknown, voiceChanged: boolean): Promise<StoredDefinition> {
  const definition: AgentDefinition = parseOrThrow(agentDefinitionSchema, candidate, "body");
  const problems = definitionProblems(definition);
  if (problems.length) {
    const first = problems[0]!;
    throw new ApiError(first.code, `${first.field}: ${first.message}`, { fields: problems });
  }
  if (voiceChanged) await assertSpeakingVoice(ctx, definition.voice_id, "voice_id");
  return { ...definition, knowledge: withKnowledgeIds(definition.knowledge) };
}
