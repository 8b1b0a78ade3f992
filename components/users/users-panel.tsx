"use client";

import { useState } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { errorMessage } from "@/lib/client/api-client";
import { useDisplayFormat } from "@/lib/client/display-format";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { useUpdateUser } from "@/components/users/hooks/use-update-user";
import { useUsers } from "@/components/users/hooks/use-users";
import type { UpdateUserBody, UserStatus } from "@/components/users/types";
import type { User } from "@/lib/client/types";
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
import { Spinner } from "@/components/ui/spinner";
import { Dialog } from "@/components/ui/dialog";
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
  const fmt = useDisplayFormat();
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
  // The API refuses changes to your own role or status (RESOURCE_003), so your row says so up front.
  const isSelf = (user: User) => user.user_id === currentUserId;
  const [confirming, setConfirming] = useState<User | null>(null);
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
                const pendingBody = updateUser.isPending && updateUser.variables?.userId === user.user_id ? updateUser.variables.body : null;
                const self = isSelf(user);
                const editable = canChange(user);
                const selfHintId = `user-${user.user_id}-self-hint`;
                // While a role change saves, the select shows the new role (with a spinner beside it).
                const shownRole = pendingBody?.role ?? user.role;
                return (
                  <tr key={user.user_id} data-testid="user-row" aria-busy={pendingBody ? true : undefined}>
                    <Td className="max-w-36 sm:max-w-64">
                      <div className="flex items-center gap-2">
                        <span className="truncate font-medium text-slate-900">{user.name}</span>
                        {self ? <Badge>You</Badge> : null}
                      </div>
                      <div className="truncate text-slate-500">{user.email}</div>
                      {/* Narrow screens have no status column. */}
                      <div className="mt-1 sm:hidden">
                        <StatusBadge status={user.status} />
                      </div>
                      {editable && self ? (
                        <p id={selfHintId} className="mt-1 text-xs text-slate-500" data-testid="self-hint">
                          You can&apos;t change your own role or deactivate yourself; another admin can.
                        </p>
                      ) : null}
                    </Td>
                    <Td>
                      {editable ? (
                        <div className="flex items-center gap-2">
                          <Select
                            aria-label={`Role for ${user.name}`}
                            aria-describedby={self ? selfHintId : undefined}
                            value={shownRole}
                            disabled={self || pendingBody !== null}
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
                          {pendingBody?.role ? (
                            <span role="status" className="text-brand-600" data-testid="role-saving">
                              <Spinner />
                              <span className="sr-only">Saving the new role…</span>
                            </span>
                          ) : null}
                        </div>
                      ) : (
                        <RoleBadge role={user.role} />
                      )}
                    </Td>
                    <Td className="hidden sm:table-cell">
                      <StatusBadge status={user.status} />
                    </Td>
                    <Td className="hidden whitespace-nowrap md:table-cell">{fmt.dateTime(user.last_login_at)}</Td>
                    <Td className="hidden whitespace-nowrap lg:table-cell">{fmt.date(user.created_at)}</Td>
                    {canManage ? (
                      <Td className="text-right">
                        {editable ? (
                          user.status === "active" ? (
                            <Button
                              variant="secondary"
                              size="sm"
                              pending={pendingBody?.status !== undefined}
                              disabled={self || pendingBody !== null}
                              aria-describedby={self ? selfHintId : undefined}
                              aria-label={`Deactivate ${user.name}`}
                              onClick={() => {
                                setNotice(null);
                                setConfirming(user);
                              }}
                            >
                              Deactivate
                            </Button>
                          ) : (
                            <Button
                              variant="secondary"
                              size="sm"
                              pending={pendingBody?.status !== undefined}
                              disabled={pendingBody !== null}
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
        <DeactivateUserDialog
          user={confirming}
          onCancel={() => setConfirming(null)}
          onConfirm={(user) => {
            setConfirming(null);
            change(user, { status: "inactive" }, `${user.name} was deactivated and signed out.`);
          }}
        />
      ) : null}

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

/** Deactivation signs the person out everywhere at once, so it is confirmed first. */
function DeactivateUserDialog({
  user,
  onCancel,
  onConfirm,
}: {
  user: User | null;
  onCancel: () => void;
  onConfirm: (user: User) => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onCancel}
      title={user ? `Deactivate ${user.name}?` : "Deactivate user?"}
      description={
        user
          ? `${user.name} (${user.email}) will be signed out everywhere and can no longer sign in or use their API keys. You can activate them again later.`
          : undefined
      }
    >
      {user ? (
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => onConfirm(user)}>
            Deactivate {user.name}
          </Button>
        </div>
      ) : null}
    </Dialog>
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
