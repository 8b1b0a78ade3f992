import "server-only";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { AGENT_DEFAULTS, type CreateAgentInput } from "@/lib/agents/schemas";
import { checkDefinition } from "@/lib/agents/check-definition";
import { serializeAgent } from "@/lib/agents/serialize-agent";

export async function createAgent(ctx: AuthContext, input: CreateAgentInput) {
  const definition = await checkDefinition(ctx, { ...AGENT_DEFAULTS, ...input }, true);
  const prisma = await db();
  const agent = await prisma.$transaction(async (tx) => {
    const created = await tx.agent.create({
      data: {
        id: newId("agent"),
        organizationId: ctx.organization.id,
        name: definition.name,
        description: definition.description,
        engine: definition.engine,
        voiceId: definition.voice_id,
        definition,
        createdById: ctx.user.id,
      },
    });
    await recordAudit(tx, ctx, "agent.created", { type: "agent", id: created.id }, { name: created.name });
    return created;
  });
  return serializeAgent(agent, false);
}
