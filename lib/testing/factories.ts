// Test data made through the same code paths the app uses (ids, password hashing, sessions).
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/passwords";
import { issueSessionTokens } from "@/lib/auth/sessions";
import type { Plan } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/permissions";
import { newApiKeySecret, sha256 } from "@/lib/auth/tokens";
import { permissionsForRole, type Permission } from "@/lib/auth/permissions";

export const TEST_PASSWORD = "correct-horse-battery";
let passwordHash: Promise<string> | undefined;

export async function createUser(organizationId: string, role: Role, overrides: { email?: string; name?: string; status?: "active" | "inactive" } = {}) {
  const prisma = await db();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = newId("user");
  return prisma.user.create({
    data: {
      id,
      organizationId,
      role,
      email: overrides.email ?? `${role}-${id.slice(-8).toLowerCase()}@test.example`,
      name: overrides.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${id.slice(-4)}`,
      status: overrides.status ?? "active",
      passwordHash: await passwordHash,
      preferences: { timezone: "America/New_York", notifications: true },
    },
  });
}

/** An organization with an admin, a manager and an agent, each with an access token. */
export async function createOrg(options: { plan?: Plan; name?: string } = {}) {
  const prisma = await db();
  const org = await prisma.organization.create({
    data: { id: newId("organization"), name: options.name ?? "Test Org", plan: options.plan ?? "standard" },
  });
  const [admin, manager, agent] = await Promise.all([
    createUser(org.id, "admin"),
    createUser(org.id, "manager"),
    createUser(org.id, "agent"),
  ]);
  const [adminTokens, managerTokens, agentTokens] = await Promise.all([
    issueSessionTokens(admin),
    issueSessionTokens(manager),
    issueSessionTokens(agent),
  ]);
  return {
    org,
    admin: { ...admin, token: adminTokens.token, refreshToken: adminTokens.refresh_token },
    manager: { ...manager, token: managerTokens.token, refreshToken: managerTokens.refresh_token },
    agent: { ...agent, token: agentTokens.token, refreshToken: agentTokens.refresh_token },
  };
}

export async function createApiKeyFor(user: { id: string; organizationId: string; role: Role }, scopes?: Permission[]) {
  const prisma = await db();
  const secret = newApiKeySecret();
  const key = await prisma.apiKey.create({
    data: {
      id: newId("apiKey"),
      organizationId: user.organizationId,
      userId: user.id,
      name: "test key",
      prefix: secret.slice(0, 12),
      keyHash: sha256(secret),
      scopes: scopes ?? permissionsForRole(user.role),
    },
  });
  return { ...key, secret };
}
