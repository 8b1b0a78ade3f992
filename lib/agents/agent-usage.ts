import "server-only";
// Which campaigns of an organization use an agent (settings.agent_id): the list shows it, and an agent
// in use cannot be deleted.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AgentUser = { kind: "campaign"; id: string; name: string };

export async function agentUsers(organizationId: string, agentIds: string[], tx?: Prisma.TransactionClient): Promise<Map<string, AgentUser[]>> {
  const users = new Map<string, AgentUser[]>();
  if (!agentIds.length) return users;
  const prisma = tx ?? (await db());
  const rows = await prisma.$queryRaw<{ agent_id: string; id: string; name: string }[]>`
    SELECT settings->>'agent_id' AS agent_id, id, name FROM campaigns
    WHERE organization_id = ${organizationId} AND settings->>'agent_id' = ANY(${agentIds}::text[])
    ORDER BY name`;
  for (const row of rows) users.set(row.agent_id, [...(users.get(row.agent_id) ?? []), { kind: "campaign", id: row.id, name: row.name }]);
  return users;
}
