import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { agentUsers } from "@/lib/agents/agent-usage";

/**
 * Deletes an agent and its test conversations; refused while a campaign names it. The row is locked
 * first, so a campaign naming the agent at the same moment (which share-locks it) either commits
 * before the check sees it or waits and then finds the agent gone.
 */
export async function deleteAgent(ctx: AuthContext, agentId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM agents WHERE id = ${agentId} AND organization_id = ${ctx.organization.id} FOR UPDATE`;
    const agent = await getAgentOrThrow(ctx, agentId, tx);
    const onCall = await tx.call.count({ where: { organizationId: ctx.organization.id, agentId: agent.id, status: { in: ["initiated", "ringing", "in_progress"] } } });
    if (onCall) throw new ApiError("RESOURCE_003", `The agent is on ${onCall} call(s) right now; delete it when they have ended`, { calls_in_flight: onCall });
    const users = (await agentUsers(ctx.organization.id, [agent.id], tx)).get(agent.id) ?? [];
    if (users.length) {
      const names = users.map((u) => `${u.kind} "${u.name}"`).join(", ");
      throw new ApiError("RESOURCE_003", `The agent is in use by ${names}; choose another agent there first`, { used_by: users });
    }
    await tx.agent.delete({ where: { id: agent.id, organizationId: ctx.organization.id } });
    await recordAudit(tx, ctx, "agent.deleted", { type: "agent", id: agent.id }, { name: agent.name });
    return { id: agent.id, deleted: true as const };
  });
}
