"use client";

import { errorMessage } from "@/lib/client/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
    <Dialog
      open={open}
      onClose={close}
      title={`Delete “${agent.name}”?`}
      description="The agent and its definition are deleted. This cannot be undone."
    >
      <div className="space-y-4">
        {agent.in_use && !remove.isError ? (
          <Alert tone="warning">A campaign uses this agent: pick another agent for it first.</Alert>
        ) : null}
        {remove.isError ? (
          <Alert tone="error" title="The agent was not deleted" data-testid="delete-agent-error">
            {errorMessage(remove.error)}
          </Alert>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={remove.isPending}>
            Keep it
          </Button>
          <Button
            data-autofocus
            variant="danger"
            pending={remove.isPending}
            onClick={() =>
              remove.mutate(agent.id, {
                onSuccess: () => {
                  remove.reset();
                  onDeleted();
                },
              })
            }
          >
            Delete agent
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
