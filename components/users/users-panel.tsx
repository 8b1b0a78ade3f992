"use client";

import { useState } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { errorMessage } from "@/lib/client/api-client";
import { formatDate, formatDateTime } from "@/lib/client/format";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { useUpdateUser } from "@/lib/client/hooks/use-update-user";
import { useUsers } from "@/lib/client/hooks/use-users";
import type { UpdateUserBody, User, UserStatus } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { SearchField } from "@/components/ui/search-field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { PlusIcon, UsersIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { AddUserDialog } from "@/components/users/add-user-dialog";
import { ROLE_LABELS, RoleBadge } from "@/components/users/role-badge";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

type Notice = { tone: "success" | "error"; text: string };

export function UsersPanel({
  canManage,
  currentUserId,
  currentUserRole,
}: {
  canManage: boolean;
  currentUserId: string;
  currentUserRole: Role;
}) {
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<UserStatus | "">("");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  // The page belongs to one set of filters: changing any filter starts again at page 1.
  const filterKey = JSON.stringify([debouncedSearch, role, status]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const [addOpen, setAddOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const users = useUsers({
    search: debouncedSearch || undefined,
    role: role || undefined,
    status: status || undefined,
    page,
    limit: PAGE_SIZE,
  });
  const updateUser = useUpdateUser();

  // Only admins may grant the admin role or change admins (the API enforces it too).
  const assignableRoles = currentUserRole === "admin" ? [...ROLES] : ROLES.filter((r) => r !== "admin");
  const canChange = (user: User) => canManage && (currentUserRole === "admin" || user.role !== "admin");
  const filtered = Boolean(debouncedSearch || role || status);

  function change(user: User, body: UpdateUserBody, done: string) {
    setNotice(null);
    updateUser.mutate(
      { userId: user.user_id, body },
      {
        onSuccess: () => setNotice({ tone: "success", text: done }),
        onError: (error) => setNotice({ tone: "error", text: `Could not update ${user.name}: ${errorMessage(error)}` }),
      },
    );
  }

  function clearFilters() {
    setSearch("");
    setRole("");
    setStatus("");
  }

  return (
    <>
      <PageHeader
        level={2}
        title="Users"
        description="People who can sign in to your organization's dashboard."
        actions={
          canManage ? (
            <Button onClick={() => setAddOpen(true)}>
              <PlusIcon className="size-4" />
              Add user
            </Button>
          ) : null
        }
      />

      <div className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem_11rem]" role="search" aria-label="Filter users">
        <SearchField id="users-search" label="Search users" placeholder="Search by name or email" value={search} onChange={setSearch} maxLength={100} />
        <div>
          <Label htmlFor="users-role-filter" className="sr-only">
            Filter by role
          </Label>
          <Select id="users-role-filter" value={role} onChange={(event) => setRole(event.target.value as Role | "")}>
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="users-status-filter" className="sr-only">
            Filter by status
          </Label>
          <Select id="users-status-filter" value={status} onChange={(event) => setStatus(event.target.value as UserStatus | "")}>
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </Select>
        </div>
      </div>

      {notice ? (
        <Alert tone={notice.tone} className="mb-4" onDismiss={() => setNotice(null)} data-testid="users-notice">
          {notice.text}
        </Alert>
      ) : null}

      {users.isPending ? (
        <UsersSkeleton />
      ) : users.isError ? (
        <Alert tone="error" title="Users could not be loaded" data-testid="users-error">
          <p>{errorMessage(users.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => users.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : users.data.data.length === 0 ? (
        <EmptyState
          icon={<UsersIcon className="size-6" />}
          title={filtered ? "No users match these filters" : "No users yet"}
          description={filtered ? "Try a different search, role or status." : undefined}
          action={
            filtered ? (
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : null
          }
        />
      ) : (
        <div aria-busy={users.isFetching || undefined}>
          <Table label="Users">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th className="hidden sm:table-cell">Status</Th>
                <Th className="hidden md:table-cell">Last sign-in</Th>
                <Th className="hidden lg:table-cell">Added</Th>
                {canManage ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </THead>
            <TBody>
              {users.data.data.map((user) => {
                const busy = updateUser.isPending && updateUser.variables?.userId === user.user_id;
                const editable = canChange(user);
                return (
                  <tr key={user.user_id} data-testid="user-row" className={busy ? "opacity-60" : undefined}>
                    <Td className="max-w-36 sm:max-w-64">
                      <div className="flex items-center gap-2">
                        <span className="truncate font-medium text-slate-900">{user.name}</span>
                        {user.user_id === currentUserId ? <Badge>You</Badge> : null}
                      </div>
                      <div className="truncate text-slate-500">{user.email}</div>
                      {/* Narrow screens have no status column. */}
                      <div className="mt-1 sm:hidden">
                        <StatusBadge status={user.status} />
                      </div>
                    </Td>
                    <Td>
                      {editable ? (
                        <Select
                          aria-label={`Role for ${user.name}`}
                          value={user.role}
                          disabled={busy}
                          onChange={(event) => {
                            const next = event.target.value as Role;
                            change(user, { role: next }, `${user.name} is now ${ROLE_LABELS[next].toLowerCase()}.`);
                          }}
                          className="w-32"
                        >
                          {(assignableRoles.includes(user.role) ? assignableRoles : [user.role, ...assignableRoles]).map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <RoleBadge role={user.role} />
                      )}
                    </Td>
                    <Td className="hidden sm:table-cell">
                      <StatusBadge status={user.status} />
                    </Td>
                    <Td className="hidden whitespace-nowrap md:table-cell">{formatDateTime(user.last_login_at)}</Td>
                    <Td className="hidden whitespace-nowrap lg:table-cell">{formatDate(user.created_at)}</Td>
                    {canManage ? (
                      <Td className="text-right">
                        {editable ? (
                          user.status === "active" ? (
                            <Button
                              variant="secondary"
                              size="sm"
                              pending={busy}
                              aria-label={`Deactivate ${user.name}`}
                              onClick={() => change(user, { status: "inactive" }, `${user.name} was deactivated and signed out.`)}
                            >
                              Deactivate
                            </Button>
                          ) : (
                            <Button
                              variant="secondary"
                              size="sm"
                              pending={busy}
                              aria-label={`Activate ${user.name}`}
                              onClick={() => change(user, { status: "active" }, `${user.name} was activated.`)}
                            >
                              Activate
                            </Button>
                          )
                        ) : null}
                      </Td>
                    ) : null}
                  </tr>
                );
              })}
            </TBody>
          </Table>
          <Pagination
            pagination={users.data.pagination}
            itemCount={users.data.data.length}
            disabled={users.isFetching}
            onPageChange={(next) => setPaging({ filterKey, page: next })}
          />
        </div>
      )}

      {canManage ? (
        <AddUserDialog
          open={addOpen}
          onClose={() => setAddOpen(false)}
          assignableRoles={assignableRoles}
          onCreated={(user) => {
            setAddOpen(false);
            setNotice({ tone: "success", text: `${user.name} was added as ${ROLE_LABELS[user.role].toLowerCase()}.` });
          }}
        />
      ) : null}
    </>
  );
}

function StatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={status === "active" ? "success" : "neutral"}>{status === "active" ? "Active" : "Inactive"}</Badge>;
}

function UsersSkeleton() {
  return (
    <ListSkeleton label="Loading users…" testId="users-loading">
      <div className="flex-1 space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-3 w-56" />
      </div>
      <Skeleton className="h-6 w-20" />
      <Skeleton className="hidden h-6 w-16 sm:block" />
    </ListSkeleton>
  );
}
