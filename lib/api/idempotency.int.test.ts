// Idempotency-Key through real routes: replay, conflicts, scoping, abandonment, and what is stored.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as usersRoute from "@/app/api/users/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as registerRoute from "@/app/api/auth/register/route";
import * as meRoute from "@/app/api/users/me/route";
import { route } from "@/lib/api/handler";
import { requestHash } from "@/lib/api/idempotency";
import { call, expectError } from "@/lib/testing/api";
import { createOrg, TEST_PASSWORD } from "@/lib/testing/factories";
import * as loginRoute from "@/app/api/auth/login/route";
import { unseal } from "@/lib/auth/seal";
import { db } from "@/lib/db/client";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

const newUser = (email: string) => ({ email, name: "Idem", role: "agent", password: "temp-password-1" });
const post = (token: string, body: unknown, key: string) =>
  call(usersRoute.POST, { method: "POST", path: "/api/users", token, body, headers: { "idempotency-key": key } });

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and parameters (order and spacing do not matter)", async () => {
    const first = await post(a.admin.token, newUser("idem1@test.example"), "k-replay");
    const reordered = JSON.stringify({ password: "temp-password-1", role: "agent", name: "Idem", email: "idem1@test.example" }, null, 2);
    const second = await call(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: a.admin.token,
      rawBody: reordered,
      headers: { "idempotency-key": "k-replay", "content-type": "application/json" },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const prisma = await db();
    expect(await prisma.user.count({ where: { email: "idem1@test.example" } })).toBe(1);
  });

  it("refuses the same key with different parameters (422), or from another user of the organization", async () => {
    await post(a.admin.token, newUser("idem2@test.example"), "k-diff");
    expectError(await post(a.admin.token, newUser("other@test.example"), "k-diff"), 422, "IDEMPOTENCY_001");
    expectError(await post(a.manager.token, newUser("idem2@test.example"), "k-diff"), 422, "IDEMPOTENCY_001");
  });

  it("scopes keys per organization", async () => {
    expect((await post(a.admin.token, newUser("idem3a@test.example"), "k-shared")).status).toBe(201);
    expect((await post(b.admin.token, newUser("idem3b@test.example"), "k-shared")).status).toBe(201);
  });

  it("answers 409 while the first request is in flight, and frees a key abandoned past the timeout", async () => {
    const prisma = await db();
    const body = newUser("idem4@test.example");
    const record = (id: string, key: string, createdAt: Date) =>
      prisma.idempotencyRecord.create({
        data: {
          id,
          scope: a.org.id,
          organizationId: a.org.id,
          key,
          method: "POST",
          path: "/api/users",
          requestHash: requestHash("POST", "/api/users", a.admin.id, body),
          createdAt,
          expiresAt: new Date(Date.now() + 3600_000),
        },
      });
    await record("idem_running", "k-running", new Date());
    expectError(await post(a.admin.token, body, "k-running"), 409, "IDEMPOTENCY_002");
    await record("idem_crashed", "k-crashed", new Date(Date.now() - 5 * 60_000));
    expect((await post(a.admin.token, body, "k-crashed")).status).toBe(201);
  });

  it("validates the key's format", async () => {
    expectError(await post(a.admin.token, newUser("idem5@test.example"), "has space"), 400, "VALIDATION_002");
    expectError(await post(a.admin.token, newUser("idem5@test.example"), "x".repeat(256)), 400, "VALIDATION_002");
  });

  it("never stores or replays a new API key's secret: the replay confirms the key without it", async () => {
    const headers = { "idempotency-key": "k-api-key" };
    const first = await call(keysRoute.POST, { method: "POST", path: "/api/api-keys", token: a.admin.token, body: { name: "replayed" }, headers });
    const replay = await call(keysRoute.POST, { method: "POST", path: "/api/api-keys", token: a.admin.token, body: { name: "replayed" }, headers });
    const secret = first.json.data.key as string;
    expect(secret).toMatch(/^vk_/);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.data.id).toBe(first.json.data.id);
    expect(replay.json.data).not.toHaveProperty("key");
    expect(replay.text).not.toContain(secret);
    const prisma = await db();
    const stored = await prisma.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: a.org.id, key: "k-api-key" } } });
    expect(stored.responseBody).not.toContain(secret);
    expect(stored.responseBody).toMatch(/^v1:/);
    expect(unseal(stored.responseBody!, "idempotent-response")).not.toContain(secret);
    // Same key and body from a manager: refused, not replayed with the admin's secret.
    const stolen = await call(keysRoute.POST, { method: "POST", path: "/api/api-keys", token: a.manager.token, body: { name: "replayed" }, headers });
    expectError(stolen, 422, "IDEMPOTENCY_001");
    expect(JSON.stringify(stolen.json)).not.toContain(secret);
  });

  it("does not keep 5xx results, so a retry runs again", async () => {
    let attempts = 0;
    const flaky = route({ body: z.object({ n: z.number() }) }, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("transient");
      return { attempts };
    });
    const send = () => call(flaky, { method: "POST", path: "/api/flaky", token: a.admin.token, body: { n: 1 }, headers: { "idempotency-key": "k-flaky" } });
    expectError(await send(), 500, "SYSTEM_001");
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.json.data).toEqual({ attempts: 2 });
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
  });

  it("covers public POSTs too: a retried sign-up replays instead of failing as a duplicate", async () => {
    const body = { organization_name: "Retry Co", name: "Rita", email: "rita@retry.example", password: "retry-password" };
    const headers = { "idempotency-key": "signup-1" };
    const first = await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body, headers });
    const again = await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json.data.organization).toEqual(first.json.data.organization);
    // Tokens are never stored, so never replayed: the retry confirms the sign-up; the first reply's tokens work.
    expect(again.json.data).not.toHaveProperty("token");
    expect(again.json.data).not.toHaveProperty("refresh_token");
    expect((await call(meRoute.GET, { path: "/api/users/me", token: first.json.data.token })).status).toBe(200);
  });

  it("never applies to sign-in: a login reply (tokens) is not stored, so a reused key from elsewhere gets fresh tokens only with the password", async () => {
    const body = { email: a.admin.email, password: TEST_PASSWORD };
    const headers = { "idempotency-key": "login-1", "x-vocelio-peer-address": "198.51.100.7" };
    const first = await call(loginRoute.POST, { method: "POST", path: "/api/auth/login", body, headers });
    expect(first.status).toBe(200);
    const prisma = await db();
    expect(await prisma.idempotencyRecord.count({ where: { key: "login-1" } })).toBe(0);
    const other = await call(loginRoute.POST, {
      method: "POST",
      path: "/api/auth/login",
      body: { email: a.admin.email, password: "wrong-password-1" },
      headers: { "idempotency-key": "login-1", "x-vocelio-peer-address": "203.0.113.9" },
    });
    expectError(other, 401, "AUTH_001");
    expect(other.text).not.toContain(first.json.data.token);
  });
});
