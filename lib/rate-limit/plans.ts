import type { Plan } from "@/lib/auth/context";
import type { RateLimitRule } from "@/lib/rate-limit/provider";

/** Requests per hour per organization, by plan (spec: "Rate Limiting"). */
export const PLAN_RATE_LIMITS: Record<Plan, number> = { standard: 1000, professional: 5000, enterprise: 25000 };

export function planRateLimitRule(plan: Plan): RateLimitRule {
  return { name: `api:${plan}`, limit: PLAN_RATE_LIMITS[plan], windowSeconds: 3600 };
}

/** Public POSTs (sign-in, sign-up, refresh, logout) per client address per minute. */
export const PUBLIC_POST_RULE: RateLimitRule = { name: "public-post", limit: 120, windowSeconds: 60 };

/** Dashboard traffic (session cookie) per user per hour: generous for a person clicking and polling,
 *  and kept apart from the organization's API budget. */
export const DASHBOARD_RULE: RateLimitRule = { name: "dashboard", limit: 20_000, windowSeconds: 3600 };
