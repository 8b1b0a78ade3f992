import "server-only";
// In-process sliding window, the same arithmetic as @upstash/ratelimit's slidingWindow script:
// the previous window's count is weighted by how much of it still overlaps the sliding window.
import type { RateLimitResult, RateLimitRule, RateLimitStore } from "@/lib/rate-limit/provider";

type Counter = { window: number; current: number; previous: number };

const MAX_KEYS = 100_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly now: () => number = Date.now) {}

  private read(rule: RateLimitRule, key: string) {
    const windowMs = rule.windowSeconds * 1000;
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const id = `${rule.name}:${key}`;
    let counter = this.counters.get(id);
    if (!counter || counter.window < window - 1) counter = { window, current: 0, previous: 0 };
    else if (counter.window === window - 1) counter = { window, current: 0, previous: counter.current };
    const elapsed = (now % windowMs) / windowMs;
    const weightedPrevious = Math.floor((1 - elapsed) * counter.previous);
    return { id, counter, used: weightedPrevious + counter.current, reset: (window + 1) * windowMs };
  }

  async consume(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    const { id, counter, used, reset } = this.read(rule, key);
    if (used >= rule.limit) {
      this.counters.set(id, counter);
      return { success: false, limit: rule.limit, remaining: 0, reset };
    }
    counter.current += 1;
    if (this.counters.size >= MAX_KEYS && !this.counters.has(id)) this.evict(counter.window);
    this.counters.set(id, counter);
    return { success: true, limit: rule.limit, remaining: Math.max(0, rule.limit - used - 1), reset };
  }

  async peek(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    const { used, reset } = this.read(rule, key);
    return { success: used < rule.limit, limit: rule.limit, remaining: Math.max(0, rule.limit - used), reset };
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    this.counters.delete(`${rule.name}:${key}`);
  }

  // Counters two windows old no longer affect anything; drop them when the map is full, and if every
  // counter is still live, the oldest-inserted ones, so memory stays bounded whatever keys arrive.
  private evict(window: number) {
    for (const [id, c] of this.counters) if (c.window < window - 1) this.counters.delete(id);
    for (const id of this.counters.keys()) {
      if (this.counters.size < MAX_KEYS) break;
      this.counters.delete(id);
    }
  }
}
