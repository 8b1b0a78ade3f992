import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { OrganizationRef } from "@/lib/auth/context";
import type { Agent, Prisma } from "@/lib/generated/prisma/client";

/** An agent of this organization; another organization's id is "not found". */
export async function getAgentOrThrow(ctx: { organization: Pick<OrganizationRef, "id"> }, agentId: string, tx?: Prisma.TransactionClient): Promise<Agent> {
  const client = tx ?? (await db());
  const agent = await client.agent.findFirst({ where: { id: agentId, organizationId: ctx.organization.id } });
  if (!agent) throw new ApiError("RESOURCE_001", "Agent not found");
  return agent;
}

/**
 * A campaign may name only an agent of its own organization. Inside the campaign's transaction the
 * agent's row is share-locked, so a delete of the agent running at the same time waits and then sees
 * the campaign using it (lib/agents/delete-agent.ts locks the row for update).
 */
export async function assertAgentOfOrganization(
  ctx: { organization: Pick<OrganizationRef, "id"> },
  agentId: string,
  field: string,
  tx: Prisma.TransactionClient,
): Promise<void> {
  const found = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM agents WHERE id = ${agentId} AND organization_id = ${ctx.organization.id} FOR SHARE`;
  if (!found.length) {
    // A field that names nothing we have is a bad value, as settings.voice_id is.
    const message = "No such agent in your organization";
    throw new ApiError("VALIDATION_003", `${field}: ${message}`, { fields: [{ field, code: "VALIDATION_003", message }] });
  }
}
