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
import { isPermission, permissionsForRole, type Permission } from "@/lib/auth/permissions";
import type { AuthContext } from "@/lib/auth/context";
import type { Organization, User } from "@/lib/generated/prisma/client";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type Identity = Omit<AuthContext, "requestId">;

export function organizationContext(org: Organization): AuthContext["organization"] {
  return { id: org.id, name: org.name, plan: org.plan, timezone: org.timezone, defaultCountry: org.defaultCountry };
}

function toIdentity(
  user: User & { organization: Organization },
  permissions: Permission[],
  via: AuthContext["via"],
  ids: { apiKeyId?: string; sessionId?: string },
): Identity {
  if (user.status !== "active") throw new ApiError("AUTH_001", "User is deactivated");
  return {
    organization: organizationContext(user.organization),
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    actor: ids.apiKeyId ? { kind: "api_key", id: ids.apiKeyId, userId: user.id } : { kind: "user", id: user.id },
    permissions: new Set(permissions),
    via,
    apiKeyId: ids.apiKeyId ?? null,
    sessionId: ids.sessionId ?? null,
  };
}

/** Loads a sign-in session and its user; used by access tokens, the dashboard cookie and pages. */
export async function identityForSession(sessionId: string, userId: string, via: AuthContext["via"]): Promise<Identity> {
  const prisma = await db();
  const session = await prisma.authSession.findUnique({
    where: { id: sessionId },
    include: { user: { include: { organization: true } } },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt < new Date()) {
    throw new ApiError("AUTH_001", "Session has ended; sign in again");
  }
  return toIdentity(session.user, permissionsForRole(session.user.role), via, { sessionId });
}

const LAST_USED_RESOLUTION_MS = 60_000;

async function identityForApiKey(secret: string): Promise<Identity> {
  const prisma = await db();
  const key = await prisma.apiKey.findUnique({
    where: { keyHash: sha256(secret) },
    include: { user: { include: { organization: true } } },
  });
  if (!key) throw new ApiError("AUTH_001", "Invalid API key");
  if (key.revokedAt) throw new ApiError("AUTH_001", "API key has been revoked");
  const now = new Date();
  // last_used_at to the minute: one write per key per minute, not one per request.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  // A key never grants more than its owner's role allows today.
  const allowed = new Set(permissionsForRole(key.user.role));
  const permissions = key.scopes.filter((s): s is Permission => isPermission(s) && allowed.has(s));
  return toIdentity(key.user, permissions, "api_key", { apiKeyId: key.id });
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
