import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { agentPath } from "@/components/agents/hooks/use-agent";
import type { Conversation, StartConversationBody } from "@/components/agents/types";

/** Starts a test conversation with the saved agent: its opening actions. */
export function useStartConversation(agentId: string) {
  return useMutation({
    mutationFn: (body: StartConversationBody) => apiFetch<Conversation>(`${agentPath(agentId)}/conversations`, { method: "POST", body }),
  });
}
