"use client";

import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteAgent } from "@/components/agents/hooks/use-delete-agent";
import type { Agent } from "@/components/agents/types";

/** Confirms deleting an agent; the API refuses (and names the campaigns) while one uses it. */
export function DeleteAgentDialog({ agent, open, onClose, onDeleted }: { agent: Agent; open: boolean; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteAgent();
  const close = () => {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Delete “${agent.name}”?`}
      description="The agent and its definition are deleted. This cannot be undone."
      confirmLabel="Delete agent"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      errorTitle="The agent was not deleted"
      errorTestId="delete-agent-error"
      notice={agent.in_use ? <Alert tone="warning">A campaign uses this agent: pick another agent for it first.</Alert> : null}
      onClose={close}
      onConfirm={() =>
        remove.mutate(agent.id, {
          onSuccess: () => {
            remove.reset();
            onDeleted();
          },
        })
      }
    />
  );
}
