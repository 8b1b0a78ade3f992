import { beforeAll, describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/api-keys/route";
import * as keyRoute from "@/app/api/api-keys/[api_key_id]/route";
import * as meRoute from "@/app/api/users/me/route";
import * as usersRoute from "@/app/api/users/route";
import { call, expectError } from "@/lib/testing/api";
import { createApiKeyFor, createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { sha256 } from "@/lib/auth/tokens";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

const create = (token: string, body: unknown) => call(keysRoute.POST, { method: "POST", path: "/api/api-keys", token, body });

describe("POST /api/api-keys", () => {
  it("shows the secret once and stores only its hash", async () => {
    const reply = await create(a.admin.token, { name: "CRM sync" });
    expect(reply.status).toBe(201);
    const { key, api_key_id, prefix, scopes, status } = reply.json.data;
    expect(key).toMatch(/^vk_[0-9A-Za-z]{40}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(status).toBe("active");
    expect(scopes).toContain("users.manage");
    const prisma = await db();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: api_key_id } });
    expect(row.keyHash).toBe(sha256(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await call(keysRoute.GET, { path: "/api/api-keys", token: a.admin.token });
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect(await prisma.auditLog.count({ where: { action: "api_key.created", targetId: api_key_id } })).toBe(1);
  });

  it("limits a key to its scopes and never beyond its creator's role", async () => {
    const narrow = await create(a.manager.token, { name: "read only", scopes: ["users.view"] });
    expect(narrow.json.data.scopes).toEqual(["users.view"]);
    const secret = narrow.json.data.key;
    expect((await call(usersRoute.GET, { path: "/api/users", apiKey: secret })).status).toBe(200);
    expectError(
      await call(usersRoute.POST, { method: "POST", path: "/api/users", apiKey: secret, body: { email: "k@test.example", name: "K", role: "agent", password: "temp-password-1" } }),
      403,
      "AUTH_003",
    );
    const beyond = await create(a.manager.token, { name: "too much", scopes: ["webhooks.manage"] });
    expectError(beyond, 403, "AUTH_003");
  });

  it("validates name and scopes", async () => {
    expectError(await create(a.admin.token, {}), 400, "VALIDATION_001");
    expectError(await create(a.admin.token, { name: "x", scopes: ["root"] }), 400, "VALIDATION_002");
    expectError(await create(a.admin.token, { name: "x".repeat(101) }), 400, "VALIDATION_003");
  });

  it("is refused to agents", async () => {
    expectError(await create(a.agent.token, { name: "mine" }), 403, "AUTH_003");
    expectError(await call(keysRoute.GET, { path: "/api/api-keys", token: a.agent.token }), 403, "AUTH_003");
  });
});

describe("GET /api/api-keys", () => {
  it("lists the organization's keys with status filter and pagination", async () => {
    const org = await createOrg();
    for (const name of ["one", "two", "three"]) await create(org.admin.token, { name });
    const page = await call(keysRoute.GET, { path: "/api/api-keys", token: org.admin.token, query: { limit: "2", sort: "name", order: "asc" } });
    expect(page.json.pagination).toEqual({ page: 1, limit: 2, total: 3, pages: 2, has_next: true, has_prev: false });
    expect(page.json.data.map((k: { name: string }) => k.name)).toEqual(["one", "three"]);
    const revoked = await call(keysRoute.GET, { path: "/api/api-keys", token: org.admin.token, query: { status: "revoked" } });
    expect(revoked.json.data).toEqual([]);
    expectError(await call(keysRoute.GET, { path: "/api/api-keys", token: org.admin.token, query: { status: "lost" } }), 400, "VALIDATION_002");
  });
});

describe("DELETE /api/api-keys/{id}", () => {
  it("revokes a key so it stops working at once", async () => {
    const key = await createApiKeyFor(a.admin);
    expect((await call(meRoute.GET, { path: "/api/users/me", apiKey: key.secret })).status).toBe(200);
    const reply = await call(keyRoute.DELETE, { method: "DELETE", path: `/api/api-keys/${key.id}`, params: { api_key_id: key.id }, token: a.admin.token });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ api_key_id: key.id, status: "revoked", revoked_at: expect.any(String) });
    const after = await call(meRoute.GET, { path: "/api/users/me", apiKey: key.secret });
    expect(expectError(after, 401, "AUTH_001").message).toMatch(/revoked/);
    const again = await call(keyRoute.DELETE, { method: "DELETE", path: `/api/api-keys/${key.id}`, params: { api_key_id: key.id }, token: a.admin.token });
    expect(again.json.data.revoked_at).toBe(reply.json.data.revoked_at);
  });

  it("treats another organization's key as not found, and refuses agents", async () => {
    const other = await createApiKeyFor(b.admin);
    expectError(await call(keyRoute.DELETE, { method: "DELETE", path: `/api/api-keys/${other.id}`, params: { api_key_id: other.id }, token: a.admin.token }), 404, "RESOURCE_001");
    expect((await call(meRoute.GET, { path: "/api/users/me", apiKey: other.secret })).status).toBe(200);
    expectError(await call(keyRoute.DELETE, { method: "DELETE", path: `/api/api-keys/${other.id}`, params: { api_key_id: other.id }, token: a.agent.token }), 403, "AUTH_003");
  });

  it("stops a key whose owner is deactivated, and records last use", async () => {
    const org = await createOrg();
    const key = await createApiKeyFor(org.manager);
    expect((await call(meRoute.GET, { path: "/api/users/me", apiKey: key.secret })).status).toBe(200);
    const prisma = await db();
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
    await prisma.user.update({ where: { id: org.manager.id }, data: { status: "inactive" } });
    expectError(await call(meRoute.GET, { path: "/api/users/me", apiKey: key.secret }), 401, "AUTH_001");
    expectError(await call(meRoute.GET, { path: "/api/users/me", apiKey: "vk_doesnotexist" }), 401, "AUTH_001");
  });
});
