import "server-only";
// An organization's agents, filtered and paged (an organization has tens of agents, not millions:
// page/limit with a count is the right cost here).
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListAgentsQuery } from "@/lib/agents/schemas";
import { agentUsers } from "@/lib/agents/agent-usage";
import { serializeAgent } from "@/lib/agents/serialize-agent";

const SORT = { name: "name", created_at: "createdAt", updated_at: "updatedAt" } as const;

export async function listAgents(ctx: AuthContext, q: ListAgentsQuery) {
  const prisma = await db();
  const where: Prisma.AgentWhereInput = {
    organizationId: ctx.organization.id,
    ...(q.engine ? { engine: q.engine } : {}),
    ...(q.search
      ? { OR: [{ name: { contains: q.search, mode: "insensitive" } }, { description: { contains: q.search, mode: "insensitive" } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.agent.findMany({ where, orderBy: [{ [SORT[q.sort as keyof typeof SORT]]: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.agent.count({ where }),
  ]);
  const users = await agentUsers(ctx.organization.id, rows.map((r) => r.id));
  return new Page(
    rows.map((a) => serializeAgent(a, users.has(a.id))),
    total,
    q,
  ).nestedUnder("agents");
}
