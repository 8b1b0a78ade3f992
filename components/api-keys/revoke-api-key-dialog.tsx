"use client";

import { errorMessage } from "@/lib/client/api-client";
import { useRevokeApiKey } from "@/components/api-keys/hooks/use-revoke-api-key";
import type { ApiKey } from "@/components/api-keys/types";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RevokeApiKeyDialog({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKey | null;
  onClose: () => void;
  onRevoked: (key: ApiKey) => void;
}) {
  return (
    <Dialog open={apiKey !== null} onClose={onClose} title="Revoke API key?">
      {apiKey ? <RevokeConfirm key={apiKey.api_key_id} apiKey={apiKey} onCancel={onClose} onRevoked={onRevoked} /> : null}
    </Dialog>
  );
}

function RevokeConfirm({ apiKey, onCancel, onRevoked }: { apiKey: ApiKey; onCancel: () => void; onRevoked: (key: ApiKey) => void }) {
  const revoke = useRevokeApiKey();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Anything using <span className="font-semibold text-slate-900">{apiKey.name}</span> (
        <code className="font-mono text-xs">{apiKey.prefix}…</code>) will stop working immediately. This cannot be undone.
      </p>
      {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.mutate(apiKey.api_key_id, { onSuccess: onRevoked })}>
          Revoke key
        </Button>
      </div>
    </div>
  );
}
