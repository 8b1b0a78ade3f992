// The real @upstash/ratelimit + @upstash/redis path against a real Redis (REDIS_URL), through the
// Upstash REST fixture. Runs in the "redis" vitest project, which exists when REDIS_URL is set (CI sets it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUpstashFixture } from "@/lib/testing/upstash-rest-fixture";
import { UpstashRateLimitStore } from "@/lib/rate-limit/upstash-store";
import { rateLimitStoreContract } from "@/lib/rate-limit/store-contract";
import { LOGIN_FAILURE_RULE } from "@/lib/auth/login";

const TOKEN = "test-upstash-token";
let fixture: Awaited<ReturnType<typeof startUpstashFixture>>;

beforeAll(async () => {
  fixture = await startUpstashFixture(process.env.REDIS_URL!, TOKEN);
});
afterAll(() => fixture.close());

describe("UpstashRateLimitStore against real Redis", () => {
  rateLimitStoreContract(() => new UpstashRateLimitStore(fixture.url, TOKEN));

  it("keeps its counters in Redis, shared by every instance", async () => {
    const one = new UpstashRateLimitStore(fixture.url, TOKEN);
    const two = new UpstashRateLimitStore(fixture.url, TOKEN);
    const key = `shared-${Date.now()}@test.example`;
    for (let i = 0; i < 5; i++) await one.consume(LOGIN_FAILURE_RULE, key);
    expect((await two.peek(LOGIN_FAILURE_RULE, key)).success).toBe(false);
    const keys = await fixture.redis.keys(`vocelio:rl:${LOGIN_FAILURE_RULE.name}:${key}*`);
    expect(keys.length).toBeGreaterThan(0);
    await two.reset(LOGIN_FAILURE_RULE, key);
    expect((await one.peek(LOGIN_FAILURE_RULE, key)).remaining).toBe(5);
  });

  it("reports a refused Upstash call as SERVICE_001 rather than counting nothing", async () => {
    const wrong = new UpstashRateLimitStore(fixture.url, "wrong-token");
    await expect(wrong.peek(LOGIN_FAILURE_RULE, "x")).rejects.toMatchObject({ code: "SERVICE_001" });
  });
});

describe("the API wrapper over the Upstash store", () => {
  it("sends X-RateLimit-* from Redis and refuses past the plan limit", async () => {
    const { setRateLimitStore } = await import("@/lib/rate-limit/provider");
    const { planRateLimitRule } = await import("@/lib/rate-limit/plans");
    const { createOrg } = await import("@/lib/testing/factories");
    const { call, expectError } = await import("@/lib/testing/api");
    const meRoute = await import("@/app/api/users/me/route");
    const store = new UpstashRateLimitStore(fixture.url, TOKEN);
    setRateLimitStore(store);
    try {
      const org = await createOrg();
      const first = await call(meRoute.GET, { path: "/api/users/me", token: org.admin.token });
      expect(first.status).toBe(200);
      expect(first.headers.get("x-ratelimit-limit")).toBe("1000");
      expect(first.headers.get("x-ratelimit-remaining")).toBe("999");
      // Spend the rest of the hour's budget directly in Redis, as other instances would.
      const rule = planRateLimitRule("standard");
      for (let i = 0; i < 999; i++) await store.consume(rule, org.org.id);
      const over = await call(meRoute.GET, { path: "/api/users/me", token: org.admin.token });
      expectError(over, 429, "SERVICE_002");
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      setRateLimitStore(undefined);
    }
  });
});
