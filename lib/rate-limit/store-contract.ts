// The behaviour every RateLimitStore must have; run against the in-process and the Upstash store.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { RateLimitStore } from "@/lib/rate-limit/provider";

export function rateLimitStoreContract(makeStore: () => RateLimitStore) {
  const rule = () => ({ name: `contract-${randomBytes(4).toString("hex")}`, limit: 3, windowSeconds: 3600 });

  it("counts down to the limit, then refuses until the window resets", async () => {
    const store = makeStore();
    const r = rule();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await store.consume(r, "org_1"));
    expect(results.map((x) => x.success)).toEqual([true, true, true, false]);
    expect(results.map((x) => x.remaining)).toEqual([2, 1, 0, 0]);
    for (const x of results) {
      expect(x.limit).toBe(3);
      expect(x.reset).toBeGreaterThan(Date.now());
      expect(x.reset).toBeLessThanOrEqual(Date.now() + 3600 * 1000);
    }
  });

  it("keeps keys apart, peeks without counting, and resets", async () => {
    const store = makeStore();
    const r = rule();
    await store.consume(r, "a");
    await store.consume(r, "a");
    expect((await store.peek(r, "a")).remaining).toBe(1);
    expect((await store.peek(r, "a")).remaining).toBe(1);
    expect((await store.peek(r, "b")).remaining).toBe(3);
    await store.consume(r, "a");
    expect((await store.peek(r, "a")).success).toBe(false);
    await store.reset(r, "a");
    expect((await store.peek(r, "a")).remaining).toBe(3);
  });
}
