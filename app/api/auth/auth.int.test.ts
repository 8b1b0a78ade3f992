import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, base64url } from "jose";
import * as loginRoute from "@/app/api/auth/login/route";
import * as refreshRoute from "@/app/api/auth/refresh/route";
import * as logoutRoute from "@/app/api/auth/logout/route";
import * as registerRoute from "@/app/api/auth/register/route";
import * as meRoute from "@/app/api/users/me/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";

let a: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
});

const login = (email: string, password: string) =>
  call(loginRoute.POST, { method: "POST", path: "/api/auth/login", body: { email, password } });
const me = (token: string) => call(meRoute.GET, { path: "/api/users/me", token });

describe("POST /api/auth/login", () => {
  it("returns the spec's token shape and a working token", async () => {
    const reply = await login(a.agent.email.toUpperCase(), TEST_PASSWORD);
    expect(reply.status).toBe(200);
    expect(reply.json.data).toEqual({
      token: expect.any(String),
      refresh_token: expect.stringMatching(/^vrt_/),
      expires_in: 86400,
      user: { id: a.agent.id, email: a.agent.email, organization_id: a.org.id },
    });
    const [header, payload] = reply.json.data.token.split(".").slice(0, 2).map((p: string) => JSON.parse(new TextDecoder().decode(base64url.decode(p))));
    expect(header).toEqual({ alg: "HS256", typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: a.agent.id, org: a.org.id, role: "agent", iss: "vocelio", aud: "vocelio-api" });
    expect(payload.exp - payload.iat).toBe(86400);
    expect((await me(reply.json.data.token)).status).toBe(200);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await login(a.manager.email, "wrong-password-1");
    const unknown = await login("nobody@test.example", "wrong-password-1");
    expect(expectError(wrong, 401, "AUTH_001").message).toBe(expectError(unknown, 401, "AUTH_001").message);
  });

  it("validates the body", async () => {
    const reply = await call(loginRoute.POST, { method: "POST", path: "/api/auth/login", body: { email: "not-an-email" } });
    expectError(reply, 400, "VALIDATION_001");
    expect(errorFields(reply)).toEqual({ email: "VALIDATION_002", password: "VALIDATION_001" });
  });

  it("locks an email out after 5 failures in 15 minutes, even with the right password", async () => {
    const user = await createUser(a.org.id, "agent");
    for (let i = 0; i < 5; i++) expectError(await login(user.email, "wrong-password-1"), 401, "AUTH_001");
    const locked = await login(user.email, TEST_PASSWORD);
    expectError(locked, 429, "SERVICE_002");
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other emails are unaffected.
    expect((await login(a.manager.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("refuses deactivated users with the same answer as a wrong password", async () => {
    const user = await createUser(a.org.id, "agent", { status: "inactive" });
    const right = expectError(await login(user.email, TEST_PASSWORD), 401, "AUTH_001");
    const wrong = expectError(await login(user.email, "wrong-password-1"), 401, "AUTH_001");
    expect(right.message).toBe(wrong.message);
  });

  it("cannot be outrun: of 20 guesses sent at once, at most 5 are checked", async () => {
    const user = await createUser(a.org.id, "agent");
    const replies = await Promise.all(Array.from({ length: 20 }, () => login(user.email, "wrong-password-1")));
    const codes = replies.map((r) => r.json.error?.code);
    expect(codes.filter((c) => c === "AUTH_001").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === "SERVICE_002").length).toBeGreaterThanOrEqual(15);
  });

  it("locks out unknown emails exactly like real ones", async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await login("ghost@nowhere.example", "wrong-password-1"));
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("access token checks", () => {
  const key = () => new TextEncoder().encode(authSecret());
  const claims = () => ({ org: a.org.id, role: "admin", sid: "" });

  async function validParts() {
    const reply = await login(a.admin.email, TEST_PASSWORD);
    return reply.json.data.token.split(".") as [string, string, string];
  }

  it("rejects alg:none", async () => {
    const [, payload] = await validParts();
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "at+jwt" }));
    expectError(await me(`${header}.${payload}.`), 401, "AUTH_001");
  });

  it("rejects a tampered payload or signature", async () => {
    const [header, payload, signature] = await validParts();
    const decoded = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    const forged = base64url.encode(JSON.stringify({ ...decoded, role: "admin", sub: a.agent.id }));
    expectError(await me(`${header}.${forged}.${signature}`), 401, "AUTH_001");
    const flipped = signature.slice(0, -2) + (signature.endsWith("AA") ? "BB" : "AA");
    expectError(await me(`${header}.${payload}.${flipped}`), 401, "AUTH_001");
  });

  it("answers AUTH_002 for an expired token", async () => {
    const [, payload] = await validParts();
    const { sid } = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    const expired = await new SignJWT({ ...claims(), sid })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
      .setSubject(a.admin.id).setIssuer("vocelio").setAudience("vocelio-api")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key());
    expectError(await me(expired), 401, "AUTH_002");
  });

  it("rejects a token of the wrong type, audience or key", async () => {
    const [, payload] = await validParts();
    const { sid } = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    const build = (typ: string, aud: string, secret: Uint8Array) =>
      new SignJWT({ ...claims(), sid }).setProtectedHeader({ alg: "HS256", typ }).setSubject(a.admin.id)
        .setIssuer("vocelio").setAudience(aud).setIssuedAt().setExpirationTime("1h").sign(secret);
    expectError(await me(await build("JWT", "vocelio-api", key())), 401, "AUTH_001");
    expectError(await me(await build("at+jwt", "someone-else", key())), 401, "AUTH_001");
    expectError(await me(await build("at+jwt", "vocelio-api", new TextEncoder().encode("x".repeat(48)))), 401, "AUTH_001");
    expectError(await me("not-a-jwt"), 401, "AUTH_001");
  });
});

describe("POST /api/auth/refresh and /api/auth/logout", () => {
  it("rotates the refresh token; the old one then revokes the whole family", async () => {
    const first = (await login(a.manager.email, TEST_PASSWORD)).json.data;
    const rotated = await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: first.refresh_token } });
    expect(rotated.status).toBe(200);
    const second = rotated.json.data;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await me(second.token)).status).toBe(200);

    // The stolen first token is replayed: refused, and both holders lose the session.
    const reuse = await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: first.refresh_token } });
    expectError(reuse, 401, "AUTH_001");
    expectError(await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: second.refresh_token } }), 401, "AUTH_001");
    expectError(await me(second.token), 401, "AUTH_001");
    expectError(await me(first.token), 401, "AUTH_001");
  });

  it("lets only one of two concurrent refreshes with the same token win, and revokes the session", async () => {
    const session = (await login(a.admin.email, TEST_PASSWORD)).json.data;
    const refresh = () => call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: session.refresh_token } });
    const [one, two] = await Promise.all([refresh(), refresh()]);
    expect([one.status, two.status].sort()).toEqual([200, 401]);
    const winner = one.status === 200 ? one : two;
    expectError(await me(winner.json.data.token), 401, "AUTH_001");
  });

  it("refuses to refresh for a deactivated user", async () => {
    const user = await createUser(a.org.id, "agent");
    const session = (await login(user.email, TEST_PASSWORD)).json.data;
    const prisma = await db();
    await prisma.user.update({ where: { id: user.id }, data: { status: "inactive" } });
    expectError(await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: session.refresh_token } }), 401, "AUTH_001");
  });

  it("refuses unknown and malformed refresh tokens", async () => {
    expectError(await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: "vrt_unknown" } }), 401, "AUTH_001");
    expectError(await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: {} }), 400, "VALIDATION_001");
  });

  it("logout revokes the session: tokens and refresh stop working", async () => {
    const session = (await login(a.agent.email, TEST_PASSWORD)).json.data;
    const out = await call(logoutRoute.POST, { method: "POST", path: "/api/auth/logout", body: { refresh_token: session.refresh_token } });
    expect(out.status).toBe(200);
    expect(out.json.data).toEqual({ revoked: true });
    expectError(await me(session.token), 401, "AUTH_001");
    expectError(await call(refreshRoute.POST, { method: "POST", path: "/api/auth/refresh", body: { refresh_token: session.refresh_token } }), 401, "AUTH_001");
  });
});

describe("POST /api/auth/register", () => {
  afterEach(() => {
    delete process.env.ALLOW_SIGNUP;
  });
  const body = (email: string) => ({ organization_name: "Acme Calls", name: "Ada Founder", email, password: "founder-password" });

  it("creates an organization and its first admin, signed in", async () => {
    const reply = await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body: body("founder@acme.example") });
    expect(reply.status).toBe(201);
    expect(reply.json.data).toMatchObject({ expires_in: 86400, user: { email: "founder@acme.example" }, organization: { name: "Acme Calls", plan: "standard" } });
    const profile = await me(reply.json.data.token);
    expect(profile.json.data).toMatchObject({ role: "admin", organization_id: reply.json.data.organization.organization_id });
    const prisma = await db();
    expect(await prisma.auditLog.count({ where: { action: "organization.created", organizationId: reply.json.data.organization.organization_id } })).toBe(1);
  });

  it("refuses a taken email, bad fields, and sign-up when disabled", async () => {
    expectError(await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body: body(a.admin.email) }), 409, "RESOURCE_002");
    const invalid = await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body: { ...body("x@acme.example"), password: "short", organization_name: "" } });
    expectError(invalid, 400, "VALIDATION_003");
    expect(errorFields(invalid)).toEqual({ password: "VALIDATION_003", organization_name: "VALIDATION_003" });
    process.env.ALLOW_SIGNUP = "false";
    expectError(await call(registerRoute.POST, { method: "POST", path: "/api/auth/register", body: body("later@acme.example") }), 409, "RESOURCE_003");
  });
});
