import { created, methods, route } from "@/lib/api/handler";
import { agentIdParams, startConversationSchema } from "@/lib/agents/schemas";
import { startConversation } from "@/lib/agents/start-conversation";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "agents.view", params: agentIdParams, body: startConversationSchema }, async ({ ctx, params, body }) =>
    created(await startConversation(ctx, params.agent_id, body)),
  ),
});
