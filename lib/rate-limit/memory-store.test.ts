import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "@/lib/rate-limit/memory-store";
import { rateLimitStoreContract } from "@/lib/rate-limit/store-contract";

describe("MemoryRateLimitStore", () => {
  rateLimitStoreContract(() => new MemoryRateLimitStore());

  it("slides: the previous window counts in proportion to its overlap", async () => {
    let now = 10 * 60_000; // start of a 60 s window
    const store = new MemoryRateLimitStore(() => now);
    const rule = { name: "slide", limit: 10, windowSeconds: 60 };
    for (let i = 0; i < 10; i++) await store.consume(rule, "k");
    expect((await store.consume(rule, "k")).success).toBe(false);
    now += 60_000 + 15_000; // 25 % into the next window: 75 % of the previous 10 still count
    expect((await store.peek(rule, "k")).remaining).toBe(3);
    now += 60_000; // two windows on, nothing counts
    expect((await store.peek(rule, "k")).remaining).toBe(10);
  });
});
