// The foundation's user journeys in real Chromium against `next start`: sign in, create a user,
// create and revoke an API key (and prove both with real API calls), sign out, and role gating.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "e2e/.artifacts";
const ADMIN = { email: "admin@example.com", password: "vocelio-demo" };


test("admin signs in, creates a user, creates and revokes an API key, signs out", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/01-login-error.png`, fullPage: true });

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByText("Demo Org").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-overview.png`, fullPage: true });

  // Users: create one, with an inline validation error first.
  await page.goto("/settings/users");
  await expect(page.getByRole("cell", { name: "manager@example.com" })).toBeVisible();
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Riley Rep");
  await dialog.getByLabel("Email").fill("riley@example.com");
  await dialog.getByLabel("Role").selectOption("agent");
  await dialog.getByLabel("Temporary password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText(/at least 10 characters/i)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/03-user-validation.png`, fullPage: true });
  await dialog.getByLabel("Temporary password").fill("riley-temp-pass");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: "riley@example.com" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/04-users.png`, fullPage: true });

  // The new user can sign in through the public API.
  const riley = await request.post("/api/auth/login", { data: { email: "riley@example.com", password: "riley-temp-pass" } });
  expect(riley.status()).toBe(200);

  // API keys: create, use, revoke.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Key name").fill("E2E integration");
  await page.getByRole("button", { name: "Create key" }).click();
  const secretInput = page.getByLabel("New API key");
  await expect(secretInput).toHaveValue(/^vk_/);
  const secret = await secretInput.inputValue();
  await page.screenshot({ path: `${SHOTS}/05-api-key-created.png`, fullPage: true });
  const withKey = await request.get("/api/users/me", { headers: { "X-API-Key": secret } });
  expect(withKey.status()).toBe(200);
  expect((await withKey.json()).data.email).toBe(ADMIN.email);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("New API key")).toBeHidden();

  await page.getByRole("button", { name: "Revoke E2E integration" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("row", { name: /E2E integration/ }).getByText("revoked", { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/06-api-key-revoked.png`, fullPage: true });
  const revoked = await request.get("/api/users/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("AUTH_001");

  // Sign out: back to /login, and the dashboard is closed again.
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/login/);
});

test("every /api reply is enveloped with a request id, next-auth's own included", async ({ request }) => {
  const session = await request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect(session.headers()["x-request-id"]).toMatch(/^req_/);
  for (const path of ["/api", "/api/nope/deeper", "/api/auth/unknown"]) {
    const reply = await request.get(path);
    expect(reply.status()).toBe(404);
    const body = await reply.json();
    expect(body).toMatchObject({ success: false, error: { code: "RESOURCE_001" }, meta: { request_id: reply.headers()["x-request-id"] } });
  }
  const wrongMethod = await request.delete("/api/health");
  expect(wrongMethod.status()).toBe(405);
  expect((await wrongMethod.json()).error.code).toBe("REQUEST_001");
  const health = await request.get("/api/health");
  expect((await health.json()).data).toMatchObject({ status: "ok", database: { status: "reachable", driver: "pglite" } });
});

test("a malformed %-escape and TRACE get the envelope, not a bare 500", async ({ request, baseURL }) => {
  // Raw paths: Playwright would normalise an invalid escape, so the request is sent as written.
  const malformed = await fetch(`${baseURL}/api/campaigns/%zz`);
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toMatchObject({ success: false, error: { code: "VALIDATION_002" } });
  const valid = await request.get("/api/campaigns/camp%5Fnope");
  expect(valid.status()).toBe(401);
  const trace = await request.fetch("/api/health", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect((await trace.json()).error.code).toBe("REQUEST_001");
});

test("/docs renders the API reference offline, without Scalar's hosted extras", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://localhost:")) outside.push(request.url());
  });
  await page.goto("/docs");
  await expect(page.getByText("Vocelio API", { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  for (const tag of ["Campaigns", "Analytics", "Voices"]) await expect(page.getByText(tag, { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Ask AI")).toHaveCount(0);
  await expect(page.getByText("Generate MCP")).toHaveCount(0);
  expect(outside).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/08-api-docs.png` });
});

test("an agent sees only what the role allows", async ({ page }) => {
  await signIn(page, "agent@example.com", "vocelio-demo");
  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Live calls" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Analytics" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/07-agent-overview.png`, fullPage: true });
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/denied=users\.view/);
  // Plain words, never the permission string.
  const notice = page.getByTestId("denied-notice");
  await expect(notice).toContainText("isn't available to your role");
  await expect(notice).toContainText("Only admins and managers can use the Users page");
  await expect(notice).not.toContainText("users.view");
});
