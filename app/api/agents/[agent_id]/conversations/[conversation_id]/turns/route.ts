import { methods, route } from "@/lib/api/handler";
import { conversationParams, conversationTurnSchema } from "@/lib/agents/schemas";
import { takeTurn } from "@/lib/agents/take-turn";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "agents.view", params: conversationParams, body: conversationTurnSchema }, ({ ctx, params, body }) =>
    takeTurn(ctx, params.agent_id, params.conversation_id, body),
  ),
});
