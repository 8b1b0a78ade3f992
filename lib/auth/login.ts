import "server-only";
// Password sign-in, shared by POST /api/auth/login and the dashboard's next-auth credentials provider.
// Brute force: after 5 failures for one email from one address in 15 minutes, that address gets
// SERVICE_002 for that email until the window passes; after 50 for one email from anywhere (a guess
// spread over many addresses), every address does. So a stranger's five wrong passwords cannot lock
// the owner out, while a distributed guess still is. Each attempt is counted *before* the password is
// checked, so guesses sent in parallel cannot all slip past the count; a successful sign-in clears the
// address's count. Unknown emails, wrong passwords and deactivated accounts get the same answer in the
// same time.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/passwords";
import { issueSessionTokens, type TokenPair } from "@/lib/auth/sessions";
import { rateLimitStore, type RateLimitRule } from "@/lib/rate-limit/provider";
import type { LoginInput } from "@/lib/auth/schemas";
import type { User } from "@/lib/generated/prisma/client";

export const LOGIN_FAILURE_RULE: RateLimitRule = { name: "login-failures", limit: 5, windowSeconds: 15 * 60 };
export const ACCOUNT_FAILURE_RULE: RateLimitRule = { name: "login-failures-account", limit: 50, windowSeconds: 15 * 60 };

export async function verifyCredentials({ email, password }: LoginInput, address: string): Promise<User> {
  const store = rateLimitStore();
  const key = email.toLowerCase();
  const pairKey = `${key}|${address}`;
  const [pair, account] = await Promise.all([store.consume(LOGIN_FAILURE_RULE, pairKey), store.consume(ACCOUNT_FAILURE_RULE, key)]);
  const blocked = !pair.success ? pair : !account.success ? account : null;
  if (blocked) {
    const retryAfter = Math.max(1, Math.ceil((blocked.reset - Date.now()) / 1000));
    throw new ApiError("SERVICE_002", "Too many failed sign-in attempts; try again later", { retry_after: retryAfter }, {
      "Retry-After": String(retryAfter),
    });
  }
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email: key } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.status !== "active") throw new ApiError("AUTH_001", "Invalid email or password");
  await store.reset(LOGIN_FAILURE_RULE, pairKey);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return user;
}

export async function login(input: LoginInput, address: string): Promise<TokenPair> {
  const user = await verifyCredentials(input, address);
  return issueSessionTokens(user);
}
