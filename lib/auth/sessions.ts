import "server-only";
// Sign-in sessions and refresh-token rotation. A session is one refresh-token family; presenting a
// refresh token that was already rotated means it leaked, so the whole family is revoked (OAuth 2.0
// Security BCP §4.14): both the thief and the real user must sign in again.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "@/lib/auth/jwt";
import { newRefreshTokenSecret, sha256 } from "@/lib/auth/tokens";
import type { User } from "@/lib/generated/prisma/client";

export const SESSION_TTL_SECONDS = 30 * 86_400;

export type TokenPair = {
  token: string;
  refresh_token: string;
  expires_in: number;
  user: { id: string; email: string; organization_id: string };
};

type SessionUser = Pick<User, "id" | "email" | "organizationId" | "role">;

async function newRefreshToken(sessionId: string, expiresAt: Date): Promise<string> {
  const secret = newRefreshTokenSecret();
  const prisma = await db();
  await prisma.refreshToken.create({
    data: { id: newId("refreshToken"), sessionId, tokenHash: sha256(secret), expiresAt },
  });
  return secret;
}

async function tokenPair(user: SessionUser, sessionId: string, refreshToken: string): Promise<TokenPair> {
  const token = await signAccessToken({ sub: user.id, org: user.organizationId, role: user.role, sid: sessionId });
  return {
    token,
    refresh_token: refreshToken,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    user: { id: user.id, email: user.email, organization_id: user.organizationId },
  };
}

export async function startSession(user: SessionUser, kind: "api" | "dashboard"): Promise<string> {
  const prisma = await db();
  const id = newId("session");
  await prisma.authSession.create({
    data: {
      id,
      kind,
      userId: user.id,
      organizationId: user.organizationId,
      expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
    },
  });
  return id;
}

/** A new API session with its first access and refresh tokens (login and register). */
export async function issueSessionTokens(user: SessionUser): Promise<TokenPair> {
  const sessionId = await startSession(user, "api");
  const refresh = await newRefreshToken(sessionId, new Date(Date.now() + SESSION_TTL_SECONDS * 1000));
  return tokenPair(user, sessionId, refresh);
}

export async function revokeSession(sessionId: string, reason: string): Promise<void> {
  const prisma = await db();
  await prisma.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

export async function revokeUserSessions(userId: string, reason: string): Promise<void> {
  const prisma = await db();
  await prisma.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

const INVALID = () => new ApiError("AUTH_001", "Invalid refresh token");

export async function rotateRefreshToken(secret: string): Promise<TokenPair> {
  const prisma = await db();
  const found = await prisma.refreshToken.findUnique({
    where: { tokenHash: sha256(secret) },
    include: { session: { include: { user: true } } },
  });
  if (!found) throw INVALID();
  const { session } = found;
  if (session.revokedAt) throw INVALID();
  if (found.rotatedAt) {
    await revokeSession(session.id, "refresh_token_reuse");
    throw new ApiError("AUTH_001", "Refresh token was already used; the session has been revoked");
  }
  if (found.expiresAt < new Date() || session.expiresAt < new Date()) {
    throw new ApiError("AUTH_002", "Refresh token expired");
  }
  if (session.user.status !== "active") throw new ApiError("AUTH_001", "User is deactivated");
  // Marking the old token used and issuing its successor is one transaction; the conditional update
  // means that of two concurrent refreshes with the same token only one wins, the other is reuse.
  const secretOut = newRefreshTokenSecret();
  const rotated = await prisma.$transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({ where: { id: found.id, rotatedAt: null }, data: { rotatedAt: new Date() } });
    if (claimed.count !== 1) return false;
    await tx.refreshToken.create({
      data: { id: newId("refreshToken"), sessionId: session.id, tokenHash: sha256(secretOut), expiresAt: session.expiresAt },
    });
    return true;
  });
  if (!rotated) {
    await revokeSession(session.id, "refresh_token_reuse");
    throw new ApiError("AUTH_001", "Refresh token was already used; the session has been revoked");
  }
  return tokenPair(session.user, session.id, secretOut);
}

/** Logout: revokes the family of the given refresh token. Unknown tokens are refused, not ignored. */
export async function logout(secret: string): Promise<{ revoked: true }> {
  const prisma = await db();
  const found = await prisma.refreshToken.findUnique({ where: { tokenHash: sha256(secret) } });
  if (!found) throw INVALID();
  await revokeSession(found.sessionId, "logout");
  return { revoked: true };
}
