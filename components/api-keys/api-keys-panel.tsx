"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useApiKeys } from "@/components/api-keys/hooks/use-api-keys";
import type { ApiKey } from "@/components/api-keys/types";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { KeyIcon, PlusIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyDialog } from "@/components/api-keys/revoke-api-key-dialog";

const PAGE_SIZE = 20;
type StatusFilter = "" | "active" | "revoked";

function creatorName(key: ApiKey): string {
  const creator: { user_id: string; name?: string } = key.created_by;
  return creator.name ?? creator.user_id;
}

export function ApiKeysPanel() {
  const fmt = useDisplayFormat();
  const [status, setStatus] = useState<StatusFilter>("");
  const [paging, setPaging] = useState({ status, page: 1 });
  const page = paging.status === status ? paging.page : 1;
  const [createOpen, setCreateOpen] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useApiKeys({ status: status || undefined, page, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader
        level={2}
        title="API keys"
        description="Keys let your own systems call the Vocelio REST API on behalf of this organization."
        actions={
          <Button onClick={() => setCreateOpen(true)}>
            <PlusIcon className="size-4" />
            Create API key
          </Button>
        }
      />

      <div className="mb-4 flex items-center gap-3">
        <Label htmlFor="api-keys-status-filter" className="text-slate-600">
          Show
        </Label>
        <Select id="api-keys-status-filter" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)} className="w-40">
          <option value="">All keys</option>
          <option value="active">Active</option>
          <option value="revoked">Revoked</option>
        </Select>
      </div>

      {notice ? (
        <Alert tone="success" className="mb-4" onDismiss={() => setNotice(null)} data-testid="api-keys-notice">
          {notice}
        </Alert>
      ) : null}

      {keys.isPending ? (
        <KeysSkeleton />
      ) : keys.isError ? (
        <Alert tone="error" title="API keys could not be loaded">
          <p>{errorMessage(keys.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => keys.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : keys.data.data.length === 0 ? (
        <EmptyState
          icon={<KeyIcon className="size-6" />}
          title={status ? `No ${status} keys` : "No API keys yet"}
          description={
            status
              ? "Choose “All keys” to see every key."
              : "Create a key to connect your CRM, dialer or scripts to Vocelio. Each key is shown once, when it is created."
          }
        />
      ) : (
        <div aria-busy={keys.isFetching || undefined}>
          <Table label="API keys">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th className="hidden sm:table-cell">Key</Th>
                <Th>Status</Th>
                <Th className="hidden md:table-cell">Created by</Th>
                <Th className="hidden md:table-cell">Last used</Th>
                <Th className="hidden lg:table-cell">Created</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {keys.data.data.map((key) => (
                <tr key={key.api_key_id} data-testid="api-key-row" className={key.status === "revoked" ? "bg-slate-50/60" : undefined}>
                  <Td className="max-w-36 sm:max-w-56">
                    <div className={key.status === "revoked" ? "truncate text-slate-500" : "truncate font-medium text-slate-900"}>
                      {key.name}
                    </div>
                    {/* Narrow screens have no key column. */}
                    <code className="font-mono text-xs text-slate-500 sm:hidden">{key.prefix}…</code>
                  </Td>
                  <Td className="hidden sm:table-cell">
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-slate-700">{key.prefix}…</code>
                  </Td>
                  <Td>
                    {key.status === "active" ? (
                      <Badge tone="success">Active</Badge>
                    ) : (
                      <span title={key.revoked_at ? `Revoked ${fmt.dateTime(key.revoked_at)}` : undefined}>
                        <Badge tone="danger">Revoked</Badge>
                      </span>
                    )}
                  </Td>
                  <Td className="hidden max-w-48 truncate md:table-cell">{creatorName(key)}</Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{fmt.dateTime(key.last_used_at)}</Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">{fmt.date(key.created_at)}</Td>
                  <Td className="text-right">
                    {key.status === "active" ? (
                      <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                        Revoke
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            pagination={keys.data.pagination}
            itemCount={keys.data.data.length}
            disabled={keys.isFetching}
            onPageChange={(next) => setPaging({ status, page: next })}
          />
        </div>
      )}

      <CreateApiKeyDialog open={createOpen} onClose={() => setCreateOpen(false)} />
      <RevokeApiKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(key) => {
          setRevoking(null);
          setNotice(`“${key.name}” was revoked. Requests using it are now refused.`);
        }}
      />
    </>
  );
}

function KeysSkeleton() {
  return (
    <ListSkeleton label="Loading API keys…" testId="api-keys-loading" header={false} rows={3}>
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-6 w-16" />
      <div className="flex-1" />
      <Skeleton className="h-8 w-16" />
    </ListSkeleton>
  );
}
