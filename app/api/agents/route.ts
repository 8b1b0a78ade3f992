import { created, methods, route } from "@/lib/api/handler";
import { createAgentSchema, listAgentsQuery } from "@/lib/agents/schemas";
import { createAgent } from "@/lib/agents/create-agent";
import { listAgents } from "@/lib/agents/list-agents";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "agents.view", query: listAgentsQuery }, ({ ctx, query }) => listAgents(ctx, query)),
  POST: route({ permission: "agents.manage", body: createAgentSchema }, async ({ ctx, body }) => created(await createAgent(ctx, body))),
});
