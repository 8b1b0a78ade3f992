import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentPath } from "@/components/agents/hooks/use-agent";
import type { ConversationTurn, ConversationTurnBody } from "@/components/agents/types";

/** One turn of a test conversation: what the caller said (or silence) and the agent's reply. */
export function useConversationTurn(agentId: string) {
  return useMutation({
    mutationFn: ({ conversationId, body }: { conversationId: string; body: ConversationTurnBody }) =>
      apiFetch<ConversationTurn>(`${agentPath(agentId)}/conversations/${encodeURIComponent(conversationId)}/turns`, { method: "POST", body }),
  });
}
