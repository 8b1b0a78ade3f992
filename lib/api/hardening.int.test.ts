// What a probe of 16,000 malformed requests found, each pinned by a test that failed before the fix:
// NUL bytes, runaway JSON nesting, repeated query keys, spoofable client addresses and hosts, account
// lockout by strangers, credentials kept for replay, client aborts logged as 500s, API keys of
// deactivated users listed as active, and UTF-8 file names garbled.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as loginRoute from "@/app/api/auth/login/route";
import * as registerRoute from "@/app/api/auth/register/route";
import * as meRoute from "@/app/api/users/me/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[campaign_id]/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as usersRoute from "@/app/api/users/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { route } from "@/lib/api/handler";
import { queryList } from "@/lib/api/validation";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createApiKeyFor, createOrg, TEST_PASSWORD } from "@/lib/testing/factories";
import { setRateLimitStore } from "@/lib/rate-limit/provider";
import { MemoryRateLimitStore } from "@/lib/rate-limit/memory-store";
import { db } from "@/lib/db/client";

let a: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("NUL characters", () => {
  it("in a path id, a search, a body field or sign-up fields: VALIDATION_002 naming the field, never a 500", async () => {
    const id = "camp_\u0000x";
    const byId = await call(campaignRoute.GET, { path: `/api/campaigns/${encodeURIComponent(id)}`, params: { campaign_id: id }, token: a.admin.token });
    expect(errorFields(byId)).toEqual({ campaign_id: "VALIDATION_002" });
    expectError(byId, 400, "VALIDATION_002");

    const search = await call(campaignsRoute.GET, { path: "/api/campaigns", query: { search: "a\u0000b" }, token: a.admin.token });
    expect(errorFields(search)).toEqual({ search: "VALIDATION_002" });

    const body = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, body: { name: "Ann\u0000" } });
    expect(errorFields(body)).toEqual({ name: "VALIDATION_002" });

    const key = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, body: { preferences: { "a\u0000": 1 } } });
    expectError(key, 400, "VALIDATION_002");

    const signUp = await call(registerRoute.POST, {
      method: "POST",
      path: "/api/auth/register",
      body: { organization_name: "Nul\u0000 Co", name: "N", email: "nul@nul.example", password: "long-enough-pw" },
    });
    expect(errorFields(signUp)).toEqual({ organization_name: "VALIDATION_002" });
  });
});

describe("JSON nesting", () => {
  it("5,000 nested arrays are refused with VALIDATION_003 instead of overflowing the stack", async () => {
    const deep = `{"preferences":{"x":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const reply = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, rawBody: deep, headers: { "content-type": "application/json" } });
    expectError(reply, 400, "VALIDATION_003");
    // Brackets inside strings do not count.
    const text = JSON.stringify({ name: "[".repeat(100) });
    const ok = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.admin.token, rawBody: text, headers: { "content-type": "application/json" } });
    expect(ok.status).toBe(200);
  });
});

describe("query parameters", () => {
  it("a repeated key is VALIDATION_002 where one value is wanted, never 'the last one wins'", async () => {
    const url = "/api/campaigns?status=active&status=paused";
    const reply = await call(campaignsRoute.GET, { path: url, token: a.admin.token });
    expect(errorFields(reply)).toEqual({ status: "VALIDATION_002" });
  });

  it("a list parameter takes one value or many", async () => {
    const list = route({ auth: "public", query: z.object({ kind: queryList(z.enum(["a", "b"])).optional() }) }, async ({ query }) => query);
    expect((await call(list, { path: "/api/x?kind=a" })).json.data).toEqual({ kind: ["a"] });
    expect((await call(list, { path: "/api/x?kind=a&kind=b" })).json.data).toEqual({ kind: ["a", "b"] });
    expect(errorFields(await call(list, { path: "/api/x?kind=a&kind=c" }))).toEqual({ "kind.1": "VALIDATION_002" });
  });

  it("page=-1 and page=0 are both out of range (VALIDATION_003)", async () => {
    expectError(await call(campaignsRoute.GET, { path: "/api/campaigns", query: { page: "-1" }, token: a.admin.token }), 400, "VALIDATION_003");
    expectError(await call(campaignsRoute.GET, { path: "/api/campaigns", query: { page: "0" }, token: a.admin.token }), 400, "VALIDATION_003");
    expectError(await call(campaignsRoute.GET, { path: "/api/campaigns", query: { page: "1.5" }, token: a.admin.token }), 400, "VALIDATION_002");
  });
});

describe("a ZodError thrown inside a service", () => {
  it("maps to VALIDATION_*, not SYSTEM_001", async () => {
    const inner = route({ auth: "public" }, async () => z.object({ n: z.number().max(3) }).parse({ n: 9 }));
    const reply = await call(inner, { path: "/api/inner" });
    expectError(reply, 400, "VALIDATION_003");
    expect(errorFields(reply)).toEqual({ n: "VALIDATION_003" });
  });
});

describe("sign-in lockout", () => {
  const login = (password: string, address: string) =>
    call(loginRoute.POST, { method: "POST", path: "/api/auth/login", body: { email: a.agent.email, password }, headers: { "x-vocelio-peer-address": address } });

  it("five wrong passwords from one address lock that address out, not the owner elsewhere", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    for (let i = 0; i < 5; i++) expectError(await login("wrong-password-x", "203.0.113.50"), 401, "AUTH_001");
    expectError(await login(TEST_PASSWORD, "203.0.113.50"), 429, "SERVICE_002");
    expect((await login(TEST_PASSWORD, "198.51.100.20")).status).toBe(200);
  });

  it("a guess spread over many addresses still locks the account", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    for (let i = 0; i < 50; i++) expectError(await login("wrong-password-x", `192.0.2.${i}`), 401, "AUTH_001");
    expectError(await login(TEST_PASSWORD, "198.51.100.21"), 429, "SERVICE_002");
  });
});

describe("client addresses and hosts", () => {
  it("X-Forwarded-Host does not make a foreign Origin ours unless a trusted proxy sets it", async () => {
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    const { startSession } = await import("@/lib/auth/sessions");
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: a.manager.id } });
    const sid = await startSession(user, "dashboard");
    const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, sid }, secret: authSecret() })}`;
    const send = () =>
      call(meRoute.PUT, {
        method: "PUT",
        path: "/api/users/me",
        headers: { cookie, host: "localhost:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example" },
        body: { name: "Forged" },
      });
    expectError(await send(), 403, "AUTH_003");
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect((await send()).status).toBe(200);
  });
});

describe("API keys of a deactivated user", () => {
  it("list as suspended (and filter as such), and back to active on reactivation", async () => {
    const org = await createOrg();
    const key = await createApiKeyFor(org.agent);
    const prisma = await db();
    await prisma.user.update({ where: { id: org.agent.id }, data: { status: "inactive" } });
    const list = await call(keysRoute.GET, { path: "/api/api-keys", token: org.admin.token });
    expect(list.json.data.find((k: { api_key_id: string }) => k.api_key_id === key.id).status).toBe("suspended");
    const suspended = await call(keysRoute.GET, { path: "/api/api-keys", query: { status: "suspended" }, token: org.admin.token });
    expect(suspended.json.data.map((k: { api_key_id: string }) => k.api_key_id)).toEqual([key.id]);
    const active = await call(keysRoute.GET, { path: "/api/api-keys", query: { status: "active" }, token: org.admin.token });
    expect(active.json.data.map((k: { api_key_id: string }) => k.api_key_id)).not.toContain(key.id);
    expectError(await call(usersRoute.GET, { path: "/api/users", apiKey: key.secret }), 401, "AUTH_001");
    await prisma.user.update({ where: { id: org.agent.id }, data: { status: "active" } });
    const again = await call(keysRoute.GET, { path: "/api/api-keys", token: org.admin.token });
    expect(again.json.data.find((k: { api_key_id: string }) => k.api_key_id === key.id).status).toBe("active");
  });
});

describe("a client that disconnects mid-body", () => {
  it("is logged as a client abort (warn, 499), not an error-level 500 with a stack", async () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"name":'));
      },
      pull() {
        controller.abort();
        throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      },
    });
    const request = new Request("http://localhost:3000/api/users/me", {
      method: "PUT",
      body,
      headers: { authorization: `Bearer ${a.admin.token}`, "content-type": "application/json" },
      signal: controller.signal,
      duplex: "half",
    } as RequestInit);
    await meRoute.PUT(request, { params: Promise.resolve({}) } as never);
    expect(errors).not.toHaveBeenCalled();
    const logged = lines.map((l) => JSON.parse(l) as { level: string; event: string; status: number });
    expect(logged).toContainEqual(expect.objectContaining({ level: "warn", event: "client_aborted", status: 499 }));
  });
});

describe("next-auth's endpoints", () => {
  const ctx = (parts: string[]) => ({ params: Promise.resolve({ nextauth: parts }) });
  it("answer a broken JSON body with an enveloped 400 and a GET to the credentials callback with 405", async () => {
    const broken = new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    const reply = await nextAuthRoute.POST(broken, ctx(["callback", "credentials"]));
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_002");
    const get = await nextAuthRoute.GET(new Request("http://localhost:3000/api/auth/callback/credentials"), ctx(["callback", "credentials"]));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});
