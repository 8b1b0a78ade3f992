import "server-only";
// Who is calling: an access token (Authorization: Bearer <jwt>), an API key (Authorization: Bearer vk_…
// or X-API-Key), or the dashboard's next-auth session cookie. Every path re-reads the user, so a
// deactivated user or a revoked session/key stops working on the next request.
import { decode } from "next-auth/jwt";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { verifyAccessToken } from "@/lib/auth/jwt";
import { API_KEY_PREFIX, sha256 } from "@/lib/auth/tokens";
import { authSecret } from "@/lib/auth/secret";
import { isPermission, permissionsForRole, type Permission, type Role } from "@/lib/auth/permissions";
import type { AuthContext } from "@/lib/auth/context";
import { Prisma, type Organization } from "@/lib/generated/prisma/client";
import type { Plan } from "@/lib/auth/context";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type Identity = Omit<AuthContext, "requestId">;

export function organizationContext(org: Organization): AuthContext["organization"] {
  return { id: org.id, name: org.name, plan: org.plan, timezone: org.timezone, defaultCountry: org.defaultCountry };
}

// The session (or key), its user and the organization in one statement: this lookup runs on every
// authenticated request, and three dependent round trips were a measurable share of a list read's cost
// (docs/benchmarks.md, bench:reads).
type IdentityRow = {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  org_id: string;
  org_name: string;
  plan: Plan;
  timezone: string;
  default_country: string;
};

const IDENTITY_COLUMNS = Prisma.sql`
  u.id AS user_id, u.email, u.name, u.role::text AS role, u.status::text AS status,
  o.id AS org_id, o.name AS org_name, o.plan::text AS plan, o.timezone, o.default_country`;

function identityFromRow(row: IdentityRow, permissions: Permission[], via: AuthContext["via"], ids: { apiKeyId?: string; sessionId?: string }): Identity {
  if (row.status !== "active") throw new ApiError("AUTH_001", "User is deactivated");
  return {
    organization: { id: row.org_id, name: row.org_name, plan: row.plan, timezone: row.timezone, defaultCountry: row.default_country },
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    actor: ids.apiKeyId ? { kind: "api_key", id: ids.apiKeyId, userId: row.user_id } : { kind: "user", id: row.user_id },
    permissions: new Set(permissions),
    via,
    apiKeyId: ids.apiKeyId ?? null,
    sessionId: ids.sessionId ?? null,
  };
}

/** Loads a sign-in session and its user; used by access tokens, the dashboard cookie and pages. */
export async function identityForSession(sessionId: string, userId: string, via: AuthContext["via"]): Promise<Identity> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<IdentityRow[]>`
    SELECT ${IDENTITY_COLUMNS}
    FROM auth_sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
    WHERE s.id = ${sessionId} AND s.user_id = ${userId} AND s.revoked_at IS NULL AND s.expires_at > now()`;
  if (!row) throw new ApiError("AUTH_001", "Session has ended; sign in again");
  return identityFromRow(row, permissionsForRole(row.role), via, { sessionId });
}

const LAST_USED_RESOLUTION_MS = 60_000;

async function identityForApiKey(secret: string): Promise<Identity> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<(IdentityRow & { key_id: string; scopes: string[]; revoked_at: Date | null; last_used_at: Date | null })[]>`
    SELECT k.id AS key_id, k.scopes, k.revoked_at, k.last_used_at, ${IDENTITY_COLUMNS}
    FROM api_keys k JOIN users u ON u.id = k.user_id JOIN organizations o ON o.id = u.organization_id
    WHERE k.key_hash = ${sha256(secret)}`;
  if (!row) throw new ApiError("AUTH_001", "Invalid API key");
  if (row.revoked_at) throw new ApiError("AUTH_001", "API key has been revoked");
  const now = new Date();
  // last_used_at to the minute: one write per key per minute, not one per request.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: row.key_id }, data: { lastUsedAt: now } });
  }
  // A key never grants more than its owner's role allows today.
  const allowed = new Set(permissionsForRole(row.role));
  const permissions = row.scopes.filter((s): s is Permission => isPermission(s) && allowed.has(s));
  return identityFromRow(row, permissions, "api_key", { apiKeyId: row.key_id });
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        throw new ApiError("AUTH_001", "Invalid session cookie; sign in again");
      }
    }
  }
  return undefined;
}

export async function authenticate(request: Request): Promise<Identity> {
  const authorization = request.headers.get("authorization");
  const apiKeyHeader = request.headers.get("x-api-key");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new ApiError("AUTH_001", "Authorization header must be 'Bearer <token>'");
    const credential = match[1];
    if (credential.startsWith(API_KEY_PREFIX)) return identityForApiKey(credential);
    const claims = await verifyAccessToken(credential);
    return identityForSession(claims.sid, claims.sub, "jwt");
  }
  if (apiKeyHeader) return identityForApiKey(apiKeyHeader.trim());

  const cookieHeader = request.headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const value = cookieValue(cookieHeader, name);
    if (!value) continue;
    const token = await decode({ token: value, secret: authSecret() }).catch(() => null);
    if (!token || typeof token.sid !== "string" || typeof token.sub !== "string") {
      throw new ApiError("AUTH_001", "Invalid session; sign in again");
    }
    if (typeof token.exp === "number" && token.exp * 1000 < Date.now()) throw new ApiError("AUTH_002", "Session expired");
    return identityForSession(token.sid, token.sub, "session_cookie");
  }
  throw new ApiError("AUTH_001", "Authentication required: send 'Authorization: Bearer <token>' or 'X-API-Key'");
}
