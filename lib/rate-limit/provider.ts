import "server-only";
// Rate-limit store behind one interface: Upstash Redis when UPSTASH_REDIS_REST_URL + _TOKEN are set
// (shared by every serverless instance), otherwise an in-process store with the same sliding-window
// semantics (right for a single server, which is what the embedded default runs).
import { MemoryRateLimitStore } from "@/lib/rate-limit/memory-store";
import { UpstashRateLimitStore } from "@/lib/rate-limit/upstash-store";

export type RateLimitRule = {
  /** Namespace of the counter, e.g. "api:standard" or "login-failures". */
  name: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  reset: number;
};

export interface RateLimitStore {
  /** Counts one request and says whether it is within the limit. */
  consume(rule: RateLimitRule, key: string): Promise<RateLimitResult>;
  /** Reads the state without counting. */
  peek(rule: RateLimitRule, key: string): Promise<RateLimitResult>;
  reset(rule: RateLimitRule, key: string): Promise<void>;
}

const g = globalThis as typeof globalThis & { __vocelioRateLimit?: RateLimitStore };

export function rateLimitStore(): RateLimitStore {
  if (g.__vocelioRateLimit) return g.__vocelioRateLimit;
  const url = process.env.UPSTASH_REDIS_REST_URL?.trim();
  const token = process.env.UPSTASH_REDIS_REST_TOKEN?.trim();
  g.__vocelioRateLimit = url && token ? new UpstashRateLimitStore(url, token) : new MemoryRateLimitStore();
  return g.__vocelioRateLimit;
}

/** For tests: install a specific store (or undefined to re-read the environment). */
export function setRateLimitStore(store: RateLimitStore | undefined): void {
  g.__vocelioRateLimit = store;
}
