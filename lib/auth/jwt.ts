import "server-only";
// Access tokens: HS256 JWTs with an explicit algorithm allow-list (so `alg: none` and RS/HS confusion
// are refused), typed `at+jwt` (RFC 9068) so no other JWT of ours can be replayed as one.
import { SignJWT, jwtVerify, errors } from "jose";
import { ApiError } from "@/lib/api/errors";
import { authSecret } from "@/lib/auth/secret";

export const ACCESS_TOKEN_TTL_SECONDS = 86_400;
const ISSUER = "vocelio";
const AUDIENCE = "vocelio-api";
const TYPE = "at+jwt";

export type AccessClaims = { sub: string; org: string; role: string; sid: string };

function key(): Uint8Array {
  return new TextEncoder().encode(authSecret());
}

export async function signAccessToken(claims: AccessClaims): Promise<string> {
  return new SignJWT({ org: claims.org, role: claims.role, sid: claims.sid })
    .setProtectedHeader({ alg: "HS256", typ: TYPE })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key());
}

export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      typ: TYPE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const { sub, org, role, sid } = payload;
    if (typeof sub !== "string" || typeof org !== "string" || typeof role !== "string" || typeof sid !== "string") {
      throw new ApiError("AUTH_001", "Invalid token claims");
    }
    return { sub, org, role, sid };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof errors.JWTExpired) throw new ApiError("AUTH_002", "Token expired");
    throw new ApiError("AUTH_001", "Invalid token");
  }
}
