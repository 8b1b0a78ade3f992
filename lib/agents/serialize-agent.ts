import "server-only";
// An agent row as the API shows it: the stored definition (complete and valid) plus id and times.
import type { Agent } from "@/lib/generated/prisma/client";
import type { AgentDefinition, KnowledgeEntry } from "@/lib/agents/schemas";

export type StoredDefinition = Omit<AgentDefinition, "knowledge"> & { knowledge: KnowledgeEntry[] };

export function storedDefinition(agent: Agent): StoredDefinition {
  return agent.definition as StoredDefinition;
}

export function serializeAgent(agent: Agent, inUse: boolean) {
  const d = storedDefinition(agent);
  return {
    id: agent.id,
    name: agent.name,
    description: d.description,
    language: d.language,
    voice_id: d.voice_id,
    engine: d.engine,
    first_message: d.first_message,
    disclosure: d.disclosure,
    instructions: d.instructions,
    flow: d.flow,
    knowledge: d.knowledge,
    outcomes: d.outcomes,
    transfer: d.transfer,
    voicemail_message: d.voicemail_message,
    max_duration_seconds: d.max_duration_seconds,
    silence: d.silence,
    in_use: inUse,
    created_at: agent.createdAt.toISOString(),
    updated_at: agent.updatedAt.toISOString(),
  };
}
