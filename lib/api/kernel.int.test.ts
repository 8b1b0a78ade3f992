// The wrapper's behaviour on the paths every route shares: envelope, headers, limits and failures.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { z } from "zod";
import * as meRoute from "@/app/api/users/me/route";
import * as usersRoute from "@/app/api/users/route";
import * as catchAll from "@/app/api/[[...path]]/route";
import * as loginRoute from "@/app/api/auth/login/route";
import * as keyRoute from "@/app/api/api-keys/[api_key_id]/route";
import { createApiKeyFor } from "@/lib/testing/factories";
import * as healthRoute from "@/app/api/health/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { route } from "@/lib/api/handler";
import { call, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { authSecret } from "@/lib/auth/secret";
import { startSession } from "@/lib/auth/sessions";
import { MemoryRateLimitStore } from "@/lib/rate-limit/memory-store";
import { setRateLimitStore } from "@/lib/rate-limit/provider";
import { planRateLimitRule } from "@/lib/rate-limit/plans";

let a: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
});
afterEach(() => {
  setRateLimitStore(undefined);
  vi.useRealTimers();
});

describe("envelope for requests no route handles", () => {
  it("answers an unknown /api path with RESOURCE_001 for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const reply = await call(catchAll[method], { method, path: "/api/does-not-exist", params: { path: ["does-not-exist"] } });
      expectError(reply, 404, "RESOURCE_001");
    }
  });

  it("answers a wrong method with 405 REQUEST_001 and Allow", async () => {
    const reply = await call(meRoute.DELETE, { method: "DELETE", path: "/api/users/me", token: a.admin.token });
    expectError(reply, 405, "REQUEST_001");
    expect(reply.headers.get("allow")).toBe("GET, PUT");
  });

  it("answers unknown next-auth paths and methods under /api/auth with the envelope", async () => {
    const reply = await call(nextAuthRoute.GET, { path: "/api/auth/whatever", params: { nextauth: ["whatever"] } });
    expectError(reply, 404, "RESOURCE_001");
    expectError(await call(nextAuthRoute.DELETE, { method: "DELETE", path: "/api/auth/session", params: { nextauth: ["session"] } }), 405, "REQUEST_001");
  });

  it("counts and reports quota on 404 and 405 replies to authenticated callers", async () => {
    const notFound = await call(catchAll.GET, { path: "/api/nope", params: { path: ["nope"] }, token: a.admin.token });
    expectError(notFound, 404, "RESOURCE_001");
    expect(notFound.headers.get("x-ratelimit-limit")).toBe("1000");
    const wrongMethod = await call(meRoute.PATCH, { method: "PATCH", path: "/api/users/me", token: a.admin.token });
    expect(wrongMethod.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  });

  it("sends X-RateLimit-* on permission errors too", async () => {
    const reply = await call(usersRoute.GET, { path: "/api/users", token: a.agent.token });
    expectError(reply, 403, "AUTH_003");
    expect(reply.headers.get("x-ratelimit-limit")).toBe("1000");
  });
});

describe("request bodies", () => {
  it("refuses bodies over the limit with 413 REQUEST_002", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    const reply = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, rawBody: big, headers: { "content-type": "application/json" } });
    expectError(reply, 413, "REQUEST_002");
  });

  it("refuses a non-JSON content type with 415 REQUEST_003", async () => {
    const reply = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expectError(reply, 415, "REQUEST_003");
  });

  it("treats a missing body as a missing required field", async () => {
    const reply = await call(usersRoute.POST, { method: "POST", path: "/api/users", token: a.admin.token });
    expectError(reply, 400, "VALIDATION_001");
  });
});

describe("request ids", () => {
  it("echoes a sane client X-Request-Id and replaces an unsafe one", async () => {
    const sane = await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token, headers: { "x-request-id": "client-abc.123" } });
    expect(sane.headers.get("x-request-id")).toBe("client-abc.123");
    expect(sane.json.meta.request_id).toBe("client-abc.123");
    const unsafe = await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token, headers: { "x-request-id": "<script>" } });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("unexpected failures", () => {
  it("become SYSTEM_001 without internals", async () => {
    const boom = route({ auth: "public", query: z.object({}) }, async () => {
      throw new Error("secret connection string postgres://u:p@db");
    });
    const reply = await call(boom, { path: "/api/boom" });
    const error = expectError(reply, 500, "SYSTEM_001");
    expect(JSON.stringify(reply.json)).not.toContain("postgres://");
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts/);
  });
});

describe("rate limits per organization and plan", () => {
  it("sends X-RateLimit-* on authenticated replies and 429 with Retry-After past the limit", async () => {
    const HOUR = 3600 * 1000;
    const hourStart = Math.ceil(Date.now() / HOUR) * HOUR;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(hourStart + HOUR / 2);
    const store = new MemoryRateLimitStore();
    setRateLimitStore(store);
    const org = await createOrg({ plan: "standard" });
    const rule = planRateLimitRule("standard");
    for (let i = 0; i < 998; i++) await store.consume(rule, org.org.id);
    const last = await call(meRoute.GET, { path: "/api/users/me", token: org.admin.token });
    expect(last.status).toBe(200);
    expect(last.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(last.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(last.headers.get("x-ratelimit-reset")).toBe(String((hourStart + HOUR) / 1000));
    expect((await call(meRoute.GET, { path: "/api/users/me", token: org.manager.token })).headers.get("x-ratelimit-remaining")).toBe("0");
    const over = await call(meRoute.GET, { path: "/api/users/me", token: org.agent.token });
    expectError(over, 429, "SERVICE_002");
    expect(over.headers.get("retry-after")).toBe(String(30 * 60));
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another organization has its own budget.
    expect((await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token })).status).toBe(200);
    // Two windows later the organization is fully back.
    vi.setSystemTime(hourStart + 2 * HOUR + HOUR / 2);
    expect((await call(meRoute.GET, { path: "/api/users/me", token: org.agent.token })).headers.get("x-ratelimit-remaining")).toBe("999");
  });

  it("uses the plan's hourly limit", async () => {
    const pro = await createOrg({ plan: "professional" });
    const ent = await createOrg({ plan: "enterprise" });
    expect((await call(meRoute.GET, { path: "/api/users/me", token: pro.admin.token })).headers.get("x-ratelimit-limit")).toBe("5000");
    expect((await call(meRoute.GET, { path: "/api/users/me", token: ent.admin.token })).headers.get("x-ratelimit-limit")).toBe("25000");
  });
});

describe("dashboard session cookie", () => {
  async function cookieFor(user: typeof a.admin) {
    const sid = await startSession(user, "dashboard");
    const value = await encode({ token: { sub: user.id, sid, email: user.email }, secret: authSecret() });
    return { cookie: `next-auth.session-token=${value}`, sid };
  }

  it("authenticates reads, and mutations only from the same origin", async () => {
    const { cookie } = await cookieFor(a.admin);
    const read = await call(meRoute.GET, { path: "/api/users/me", headers: { cookie } });
    expect(read.status).toBe(200);
    const body = { name: "Cookie Admin" };
    const noOrigin = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", headers: { cookie, host: "localhost:3000" }, body });
    expectError(noOrigin, 403, "AUTH_003");
    const foreign = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", headers: { cookie, host: "localhost:3000", origin: "https://evil.example" }, body });
    expectError(foreign, 403, "AUTH_003");
    const same = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", headers: { cookie, host: "localhost:3000", origin: "http://localhost:3000" }, body });
    expect(same.status).toBe(200);
  });

  it("answers a malformed cookie with AUTH_001, not a 500", async () => {
    expectError(await call(meRoute.GET, { path: "/api/users/me", headers: { cookie: "next-auth.session-token=%E0%A4%A" } }), 401, "AUTH_001");
  });

  it("stops working once the sign-in session is revoked, and rejects forged cookies", async () => {
    const { cookie, sid } = await cookieFor(a.manager);
    const { revokeSession } = await import("@/lib/auth/sessions");
    await revokeSession(sid, "sign_out");
    expectError(await call(meRoute.GET, { path: "/api/users/me", headers: { cookie } }), 401, "AUTH_001");
    expectError(await call(meRoute.GET, { path: "/api/users/me", headers: { cookie: "next-auth.session-token=forged" } }), 401, "AUTH_001");
  });
});

describe("public POSTs", () => {
  it("are limited per client address (the TCP peer the server stamps, not a header the client picks)", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const attempt = (ip: string, spoofed = "198.51.100.1") =>
      call(loginRoute.POST, {
        method: "POST",
        path: "/api/auth/login",
        headers: { "x-vocelio-peer-address": ip, "x-forwarded-for": `${spoofed}, 10.0.0.1` },
        body: {},
      });
    // A rotating X-Forwarded-For does not buy a fresh budget.
    for (let i = 0; i < 120; i++) expect((await attempt("203.0.113.9", `198.51.100.${i}`)).status).toBe(400);
    const over = await attempt("203.0.113.9");
    expectError(over, 429, "SERVICE_002");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await attempt("203.0.113.10")).status).toBe(400);
  });
});

describe("API keys of admins", () => {
  it("cannot be revoked by managers", async () => {
    const key = await createApiKeyFor(a.admin);
    const reply = await call(keyRoute.DELETE, { method: "DELETE", path: `/api/api-keys/${key.id}`, params: { api_key_id: key.id }, token: a.manager.token });
    expectError(reply, 403, "AUTH_003");
  });
});

describe("GET /api/health", () => {
  it("is public and reports the database", async () => {
    const reply = await call(healthRoute.GET, { path: "/api/health" });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ status: "ok", version: expect.any(String), database: { status: "reachable" } });
    expect(reply.headers.get("x-ratelimit-limit")).toBeNull();
  });
});
