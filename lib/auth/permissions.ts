// Roles and the permissions they grant, in one table. Permission strings follow the spec's style.
export const PERMISSIONS = [
  "agents.view",
  "agents.manage",
  "analytics.view",
  "api_keys.manage",
  "calls.view",
  "calls.create",
  "calls.update",
  "campaigns.view",
  "campaigns.create",
  "campaigns.update",
  "dnc.manage",
  "jobs.view",
  "jobs.manage",
  "leads.import",
  "users.view",
  "users.manage",
  "voices.view",
  "voices.manage",
  "webhooks.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Role = "admin" | "manager" | "agent";
export const ROLES: readonly Role[] = ["admin", "manager", "agent"];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Jobs span every area and show internal errors: admins only.
  manager: PERMISSIONS.filter((p) => p !== "webhooks.manage" && p !== "jobs.view" && p !== "jobs.manage"),
  agent: ["agents.view", "calls.view", "calls.update", "campaigns.view", "voices.view"],
};

export function permissionsForRole(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
