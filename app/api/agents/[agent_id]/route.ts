import { methods, route } from "@/lib/api/handler";
import { agentIdParams, updateAgentSchema } from "@/lib/agents/schemas";
import { getAgent } from "@/lib/agents/get-agent";
import { updateAgent } from "@/lib/agents/update-agent";
import { deleteAgent } from "@/lib/agents/delete-agent";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "agents.view", params: agentIdParams }, ({ ctx, params }) => getAgent(ctx, params.agent_id)),
  PUT: route({ permission: "agents.manage", params: agentIdParams, body: updateAgentSchema }, ({ ctx, params, body }) =>
    updateAgent(ctx, params.agent_id, body),
  ),
  DELETE: route({ permission: "agents.manage", params: agentIdParams }, ({ ctx, params }) => deleteAgent(ctx, params.agent_id)),
});
