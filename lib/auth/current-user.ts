import "server-only";
// For server components: the signed-in dashboard user, re-checked against the database on every
// render, so a revoked session or a deactivated user is sent back to /login.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";
import { identityForSession, SESSION_COOKIES } from "@/lib/auth/authenticate";
import type { Permission } from "@/lib/auth/permissions";

export async function requirePageIdentity() {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
  if (!token || typeof token.sid !== "string" || typeof token.sub !== "string") redirect("/login");
  try {
    return await identityForSession(token.sid, token.sub, "session_cookie");
  } catch {
    redirect("/login?error=SessionEnded");
  }
}

/** Pages a role may not use refuse: back to the overview with a notice. */
export async function requirePagePermission(permission: Permission) {
  const identity = await requirePageIdentity();
  if (!identity.permissions.has(permission)) redirect(`/?denied=${encodeURIComponent(permission)}`);
  return identity;
}
