import "server-only";
// Rate limits as the API applies them: per organization per plan per hour for authenticated calls
// (X-RateLimit-* on every authenticated reply), and a coarse per-client-address limit on public POSTs
// (sign-in, sign-up, refresh) so nobody can burn CPU on password hashing or flood the lockout table.
import { ApiError } from "@/lib/api/errors";
import { authenticate } from "@/lib/auth/authenticate";
import type { AuthContext } from "@/lib/auth/context";
import { rateLimitStore, type RateLimitResult } from "@/lib/rate-limit/provider";
import { DASHBOARD_RULE, planRateLimitRule, PUBLIC_POST_RULE } from "@/lib/rate-limit/plans";
import { clientAddress } from "@/lib/api/client-address";

function tooMany(limit: RateLimitResult, message: string, headers: Record<string, string>) {
  const retryAfter = Math.max(1, Math.ceil((limit.reset - Date.now()) / 1000));
  return new ApiError("SERVICE_002", message, { retry_after: retryAfter }, { ...headers, "Retry-After": String(retryAfter) });
}

/** Counts the request; returns the X-RateLimit-* headers, or throws SERVICE_002 (with them) when over.
 *  The plan's hourly quota is the organization's API budget (tokens and API keys); a person clicking
 *  through the dashboard (session cookie) has a per-user limit of its own and does not spend it. */
export async function enforceQuota(ctx: Pick<AuthContext, "organization" | "via" | "user">): Promise<Record<string, string>> {
  const dashboard = ctx.via === "session_cookie";
  const limit = dashboard
    ? await rateLimitStore().consume(DASHBOARD_RULE, ctx.user.id)
    : await rateLimitStore().consume(planRateLimitRule(ctx.organization.plan), ctx.organization.id);
  const headers = {
    "X-RateLimit-Limit": String(limit.limit),
    "X-RateLimit-Remaining": String(limit.remaining),
    "X-RateLimit-Reset": String(Math.ceil(limit.reset / 1000)),
  };
  if (!limit.success) {
    const per = dashboard ? "per hour for this dashboard user" : "per hour";
    throw tooMany(limit, `Rate limit of ${limit.limit} requests ${per} exceeded`, headers);
  }
  return headers;
}

/** Public POSTs (and the dashboard's credentials sign-in) per client address. */
export async function enforcePublicQuota(headers: Headers): Promise<void> {
  const limit = await rateLimitStore().consume(PUBLIC_POST_RULE, clientAddress(headers));
  if (!limit.success) throw tooMany(limit, "Too many requests from this address; try again shortly", {});
}

/** For replies that need no authentication (404, 405): count and report quota if the caller sent valid credentials. */
export async function quotaHeadersIfAuthenticated(request: Request): Promise<Record<string, string>> {
  const h = request.headers;
  if (!h.get("authorization") && !h.get("x-api-key") && !h.get("cookie")) return {};
  try {
    return await enforceQuota(await authenticate(request));
  } catch (error) {
    return error instanceof ApiError && error.code === "SERVICE_002" ? error.headers : {};
  }
}
