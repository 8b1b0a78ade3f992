import "server-only";
// Rate limits as the API applies them: per organization per plan per hour for authenticated calls
// (X-RateLimit-* on every authenticated reply), and a coarse per-client-address limit on public POSTs
// (sign-in, sign-up, refresh) so nobody can burn CPU on password hashing or flood the lockout table.
import { ApiError } from "@/lib/api/errors";
import { authenticate } from "@/lib/auth/authenticate";
import type { AuthContext } from "@/lib/auth/context";
import { rateLimitStore, type RateLimitResult } from "@/lib/rate-limit/provider";
import { planRateLimitRule, PUBLIC_POST_RULE } from "@/lib/rate-limit/plans";

function tooMany(limit: RateLimitResult, message: string, headers: Record<string, string>) {
  const retryAfter = Math.max(1, Math.ceil((limit.reset - Date.now()) / 1000));
  return new ApiError("SERVICE_002", message, { retry_after: retryAfter }, { ...headers, "Retry-After": String(retryAfter) });
}

/** Counts the request; returns the X-RateLimit-* headers, or throws SERVICE_002 (with them) when over. */
export async function enforceOrganizationQuota(ctx: Pick<AuthContext, "organization">): Promise<Record<string, string>> {
  const limit = await rateLimitStore().consume(planRateLimitRule(ctx.organization.plan), ctx.organization.id);
  const headers = {
    "X-RateLimit-Limit": String(limit.limit),
    "X-RateLimit-Remaining": String(limit.remaining),
    "X-RateLimit-Reset": String(Math.ceil(limit.reset / 1000)),
  };
  if (!limit.success) throw tooMany(limit, `Rate limit of ${limit.limit} requests per hour exceeded`, headers);
  return headers;
}

/** The caller's address as the platform's proxy reports it (first X-Forwarded-For hop). */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "direct";
}

export async function enforcePublicQuota(request: Request): Promise<void> {
  const limit = await rateLimitStore().consume(PUBLIC_POST_RULE, clientAddress(request));
  if (!limit.success) throw tooMany(limit, "Too many requests from this address; try again shortly", {});
}

/** For replies that need no authentication (404, 405): count and report quota if the caller sent valid credentials. */
export async function quotaHeadersIfAuthenticated(request: Request): Promise<Record<string, string>> {
  const h = request.headers;
  if (!h.get("authorization") && !h.get("x-api-key") && !h.get("cookie")) return {};
  try {
    return await enforceOrganizationQuota(await authenticate(request));
  } catch (error) {
    return error instanceof ApiError && error.code === "SERVICE_002" ? error.headers : {};
  }
}
