import { beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[user_id]/route";
import * as meRoute from "@/app/api/users/me/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createApiKeyFor, createOrg, createUser } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;

beforeAll(async () => {
  a = await createOrg({ name: "Org A" });
  b = await createOrg({ name: "Org B" });
});

describe("GET /api/users/me", () => {
  it("returns the spec's user shape with permissions and preferences", async () => {
    const reply = await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      success: true,
      data: {
        user_id: a.admin.id,
        email: a.admin.email,
        name: a.admin.name,
        role: "admin",
        organization_id: a.org.id,
        preferences: { timezone: "America/New_York", notifications: true },
      },
      meta: { version: "v1" },
    });
    expect(reply.json.data.permissions).toContain("users.manage");
    expect(reply.json.data).not.toHaveProperty("password_hash");
    expect(reply.json.meta.request_id).toMatch(/^req_/);
    expect(reply.headers.get("x-request-id")).toBe(reply.json.meta.request_id);
    expect(reply.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("works with an API key in X-API-Key and in Authorization: Bearer", async () => {
    const key = await createApiKeyFor(a.manager);
    const viaHeader = await call(meRoute.GET, { path: "/api/users/me", apiKey: key.secret });
    expect(viaHeader.json.data.user_id).toBe(a.manager.id);
    const viaBearer = await call(meRoute.GET, { path: "/api/users/me", token: key.secret });
    expect(viaBearer.json.data.user_id).toBe(a.manager.id);
  });

  it("requires authentication", async () => {
    expectError(await call(meRoute.GET, { path: "/api/users/me" }), 401, "AUTH_001");
  });

  it("refuses an unknown X-API-Version", async () => {
    const reply = await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token, headers: { "x-api-version": "v2" } });
    expectError(reply, 400, "VALIDATION_002");
    const ok = await call(meRoute.GET, { path: "/api/users/me", token: a.admin.token, headers: { "x-api-version": "v1" } });
    expect(ok.status).toBe(200);
  });
});

describe("PUT /api/users/me", () => {
  it("updates the name and deep-merges preferences (null removes a key)", async () => {
    const user = await createUser(a.org.id, "agent");
    const { issueSessionTokens } = await import("@/lib/auth/sessions");
    const { token } = await issueSessionTokens(user);
    await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token, body: { preferences: { dashboard: { density: "compact", theme: "light" } } } });
    const reply = await call(meRoute.PUT, {
      method: "PUT",
      path: "/api/users/me",
      token,
      body: { name: "Renamed", preferences: { timezone: "America/Los_Angeles", dashboard: { theme: "dark" }, notifications: null } },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.data.name).toBe("Renamed");
    expect(reply.json.data.preferences).toEqual({ timezone: "America/Los_Angeles", dashboard: { density: "compact", theme: "dark" } });
    const prisma = await db();
    const audit = await prisma.auditLog.findFirst({ where: { targetId: user.id, action: "user.profile_updated" } });
    expect(audit?.organizationId).toBe(a.org.id);
  });

  it("rejects an unknown time zone, unknown fields and malformed JSON", async () => {
    const tz = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.agent.token, body: { preferences: { timezone: "Mars/Olympus" } } });
    expectError(tz, 400, "VALIDATION_002");
    expect(errorFields(tz)).toEqual({ "preferences.timezone": "VALIDATION_002" });
    const unknown = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.agent.token, body: { role: "admin" } });
    expectError(unknown, 400, "VALIDATION_002");
    const malformed = await call(meRoute.PUT, {
      method: "PUT",
      path: "/api/users/me",
      token: a.agent.token,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(malformed, 400, "VALIDATION_002");
    const empty = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token: a.agent.token, body: { name: "" } });
    expectError(empty, 400, "VALIDATION_003");
  });

  it("caps stored preferences after merging, not just each patch", async () => {
    const user = await createUser(a.org.id, "agent");
    const { issueSessionTokens } = await import("@/lib/auth/sessions");
    const { token } = await issueSessionTokens(user);
    const chunk = (n: number) => ({ preferences: { [`notes_${n}`]: "x".repeat(6000) } });
    expect((await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token, body: chunk(1) })).status).toBe(200);
    expect((await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token, body: chunk(2) })).status).toBe(200);
    const third = await call(meRoute.PUT, { method: "PUT", path: "/api/users/me", token, body: chunk(3) });
    expectError(third, 400, "VALIDATION_003");
    expect(errorFields(third)).toEqual({ preferences: "VALIDATION_003" });
  });
});

describe("GET /api/users", () => {
  it("lists only the caller's organization, paginated", async () => {
    const reply = await call(usersRoute.GET, { path: "/api/users", token: a.admin.token, query: { limit: "2", sort: "email", order: "asc" } });
    expect(reply.status).toBe(200);
    expect(reply.json.pagination).toMatchObject({ page: 1, limit: 2, has_prev: false });
    expect(reply.json.pagination!.total).toBeGreaterThanOrEqual(3);
    expect(reply.json.data).toHaveLength(2);
    const emails = reply.json.data.map((u: { email: string }) => u.email);
    expect([...emails].sort()).toEqual(emails);
    const all = await call(usersRoute.GET, { path: "/api/users", token: a.admin.token, query: { limit: "100" } });
    expect(all.json.data.every((u: { organization_id: string }) => u.organization_id === a.org.id)).toBe(true);
    expect(all.json.data.map((u: { user_id: string }) => u.user_id)).not.toContain(b.admin.id);
  });

  it("filters by role, status and search", async () => {
    const org = await createOrg();
    const gone = await createUser(org.org.id, "agent", { status: "inactive", name: "Quinn Departed", email: "quinn@departed.example" });
    const ids = (reply: Awaited<ReturnType<typeof call>>) => reply.json.data.map((u: { user_id: string }) => u.user_id).sort();
    const byRole = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { role: "manager" } });
    expect(ids(byRole)).toEqual([org.manager.id]);
    const inactive = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { status: "inactive" } });
    expect(ids(inactive)).toEqual([gone.id]);
    const active = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { status: "active" } });
    expect(ids(active)).toEqual([org.admin.id, org.manager.id, org.agent.id].sort());
    const byName = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { search: "departed" } });
    expect(ids(byName)).toEqual([gone.id]);
    const byEmail = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { search: org.agent.email.slice(0, 14).toUpperCase() } });
    expect(ids(byEmail)).toEqual([org.agent.id]);
    const combined = await call(usersRoute.GET, { path: "/api/users", token: org.admin.token, query: { role: "agent", status: "active" } });
    expect(ids(combined)).toEqual([org.agent.id]);
  });

  it("rejects bad pagination and filter values instead of falling back", async () => {
    for (const [query, code] of [
      [{ page: "0" }, "VALIDATION_003"],
      [{ limit: "101" }, "VALIDATION_003"],
      [{ limit: "abc" }, "VALIDATION_002"],
      [{ sort: "password_hash" }, "VALIDATION_002"],
      [{ order: "sideways" }, "VALIDATION_002"],
      [{ role: "owner" }, "VALIDATION_002"],
    ] as const) {
      expectError(await call(usersRoute.GET, { path: "/api/users", token: a.admin.token, query }), 400, code);
    }
  });

  it("is refused to agents (no users.view)", async () => {
    const reply = await call(usersRoute.GET, { path: "/api/users", token: a.agent.token });
    expectError(reply, 403, "AUTH_003");
  });
});

describe("POST /api/users", () => {
  it("creates a user (201) and audits it", async () => {
    const reply = await call(usersRoute.POST, {
      method: "POST",
      path: "/api/users",
      token: a.manager.token,
      body: { email: "New.Agent@Example.com", name: "New Agent", role: "agent", password: "temp-password-1" },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.data).toMatchObject({ email: "new.agent@example.com", role: "agent", status: "active", organization_id: a.org.id });
    const prisma = await db();
    expect(await prisma.auditLog.count({ where: { action: "user.created", targetId: reply.json.data.user_id } })).toBe(1);
  });

  it("reports each invalid field", async () => {
    const reply = await call(usersRoute.POST, { method: "POST", path: "/api/users", token: a.admin.token, body: { email: "nope", role: "agent", password: "short" } });
    expectError(reply, 400, "VALIDATION_001");
    expect(errorFields(reply)).toEqual({ email: "VALIDATION_002", name: "VALIDATION_001", password: "VALIDATION_003" });
  });

  it("refuses a duplicate email with RESOURCE_002", async () => {
    const reply = await call(usersRoute.POST, { method: "POST", path: "/api/users", token: a.admin.token, body: { email: b.agent.email, name: "Dup", role: "agent", password: "temp-password-1" } });
    expectError(reply, 409, "RESOURCE_002");
    expect(errorFields(reply)).toEqual({ email: "RESOURCE_002" });
  });

  it("does not let managers create admins, nor agents create anyone", async () => {
    const byManager = await call(usersRoute.POST, { method: "POST", path: "/api/users", token: a.manager.token, body: { email: "boss@test.example", name: "Boss", role: "admin", password: "temp-password-1" } });
    expectError(byManager, 403, "AUTH_003");
    const byAgent = await call(usersRoute.POST, { method: "POST", path: "/api/users", token: a.agent.token, body: { email: "x@test.example", name: "X", role: "agent", password: "temp-password-1" } });
    expectError(byAgent, 403, "AUTH_003");
  });

});

describe("PUT /api/users/{user_id}", () => {
  it("changes role and status", async () => {
    const user = await createUser(a.org.id, "agent");
    const reply = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${user.id}`, params: { user_id: user.id }, token: a.admin.token, body: { role: "manager", status: "inactive" } });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ role: "manager", status: "inactive" });
    expect(reply.json.data.permissions).toContain("campaigns.create");
  });

  it("treats another organization's user id as not found", async () => {
    const reply = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${b.agent.id}`, params: { user_id: b.agent.id }, token: a.admin.token, body: { role: "manager" } });
    expectError(reply, 404, "RESOURCE_001");
    const get = await call(userRoute.GET, { path: `/api/users/${b.agent.id}`, params: { user_id: b.agent.id }, token: a.admin.token });
    expectError(get, 404, "RESOURCE_001");
  });

  it("never demotes or deactivates the last active admin", async () => {
    const org = await createOrg();
    const demote = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${org.admin.id}`, params: { user_id: org.admin.id }, token: org.admin.token, body: { role: "manager" } });
    expectError(demote, 409, "RESOURCE_003");
    const second = await createUser(org.org.id, "admin");
    const deactivateSecond = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${second.id}`, params: { user_id: second.id }, token: org.admin.token, body: { status: "inactive" } });
    expect(deactivateSecond.status).toBe(200);
    const deactivateSelf = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${org.admin.id}`, params: { user_id: org.admin.id }, token: org.admin.token, body: { status: "inactive" } });
    expectError(deactivateSelf, 409, "RESOURCE_003");
  });

  it("lets only one of two concurrent demotions of the last two admins through", async () => {
    const org = await createOrg();
    const second = await createUser(org.org.id, "admin");
    const { issueSessionTokens } = await import("@/lib/auth/sessions");
    const secondToken = (await issueSessionTokens(second)).token;
    const [one, two] = await Promise.all([
      call(userRoute.PUT, { method: "PUT", path: `/api/users/${second.id}`, params: { user_id: second.id }, token: org.admin.token, body: { role: "manager" } }),
      call(userRoute.PUT, { method: "PUT", path: `/api/users/${org.admin.id}`, params: { user_id: org.admin.id }, token: secondToken, body: { role: "manager" } }),
    ]);
    // The loser is refused either by the last-admin rule (409) or, if the winner demoted it first,
    // because it is no longer an admin (403). Either way one admin remains.
    const statuses = [one.status, two.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const prisma = await db();
    expect(await prisma.user.count({ where: { organizationId: org.org.id, role: "admin", status: "active" } })).toBe(1);
  });

  it("keeps managers away from admins and validates the body", async () => {
    const promote = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${a.agent.id}`, params: { user_id: a.agent.id }, token: a.manager.token, body: { role: "admin" } });
    expectError(promote, 403, "AUTH_003");
    const touchAdmin = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${a.admin.id}`, params: { user_id: a.admin.id }, token: a.manager.token, body: { status: "inactive" } });
    expectError(touchAdmin, 403, "AUTH_003");
    const bad = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${a.agent.id}`, params: { user_id: a.agent.id }, token: a.admin.token, body: { status: "sleeping" } });
    expectError(bad, 400, "VALIDATION_002");
    const emptyBody = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${a.agent.id}`, params: { user_id: a.agent.id }, token: a.admin.token, body: {} });
    expectError(emptyBody, 400, "VALIDATION_002");
    const byAgent = await call(userRoute.PUT, { method: "PUT", path: `/api/users/${a.agent.id}`, params: { user_id: a.agent.id }, token: a.agent.token, body: { role: "manager" } });
    expectError(byAgent, 403, "AUTH_003");
  });

  it("deactivation ends the user's tokens at once", async () => {
    const user = await createUser(a.org.id, "agent");
    const { issueSessionTokens } = await import("@/lib/auth/sessions");
    const { token } = await issueSessionTokens(user);
    expect((await call(meRoute.GET, { path: "/api/users/me", token })).status).toBe(200);
    await call(userRoute.PUT, { method: "PUT", path: `/api/users/${user.id}`, params: { user_id: user.id }, token: a.admin.token, body: { status: "inactive" } });
    expectError(await call(meRoute.GET, { path: "/api/users/me", token }), 401, "AUTH_001");
  });
});
