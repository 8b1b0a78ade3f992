import "server-only";
// @upstash/ratelimit over @upstash/redis. One Ratelimit per rule (its limit and window are fixed at
// construction). On a Redis timeout the library lets the request through: availability over strictness.
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/api/log";
import type { RateLimitResult, RateLimitRule, RateLimitStore } from "@/lib/rate-limit/provider";

export class UpstashRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(url: string, token: string) {
    this.redis = new Redis({ url, token });
  }

  private limiter(rule: RateLimitRule): Ratelimit {
    const id = `${rule.name}:${rule.limit}:${rule.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: this.redis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: `vocelio:rl:${rule.name}`,
        ephemeralCache: false,
        analytics: false,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  async consume(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    return unavailableAsServiceError(async () => {
      const result = await this.limiter(rule).limit(key);
      await result.pending;
      return { success: result.success, limit: rule.limit, remaining: result.remaining, reset: result.reset };
    });
  }

  async peek(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    return unavailableAsServiceError(async () => {
      const { remaining, reset } = await this.limiter(rule).getRemaining(key);
      return { success: remaining > 0, limit: rule.limit, remaining, reset };
    });
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    await unavailableAsServiceError(() => this.limiter(rule).resetUsedTokens(key));
  }
}

// A refused or broken Upstash call (bad token, bad URL) is an outside service failing: SERVICE_001.
async function unavailableAsServiceError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    log("error", "rate_limit_store_unavailable", { error: error instanceof Error ? error.message : String(error) });
    throw new ApiError("SERVICE_001", "Rate-limit store is unavailable", { service: "upstash" });
  }
}
