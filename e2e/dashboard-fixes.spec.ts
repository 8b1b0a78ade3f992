// What a new user found in the dashboard, each checked in Chromium against the seeded demo: dates in
// the profile's zone with a label, visible focus, honest analytics, "—" rates, DNC-suppressed leads,
// the lead drawer, safer user management, an in-shell 404, plain words for agents, the time-zone
// combobox, chart granularity and formatted phone numbers.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "e2e/.artifacts";


async function chooseProfileZone(page: Page, search: string, option: RegExp) {
  await page.goto("/settings/profile");
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await zone.click();
  await zone.fill(search);
  await expect(page.getByRole("option", { name: option }).first()).toBeVisible();
  await zone.press("Enter");
  await expect(zone).toHaveValue(option);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("profile-saved")).toBeVisible();
}

async function openSpringRenewals(page: Page) {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Spring Renewals Outreach" }).click();
  await expect(page.getByRole("heading", { name: "Spring Renewals Outreach" })).toBeVisible();
}

test("dates follow the profile's time zone and carry its label", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await chooseProfileZone(page, "kolk", /Kolkata \(Asia\/Kolkata\)/);
  await page.screenshot({ path: `${SHOTS}/20-profile-timezone.png`, fullPage: true });
  await page.goto("/settings/users");
  const me = page.getByRole("row", { name: /admin@example\.com/ });
  await expect(me).toContainText("GMT+5:30");
  await page.screenshot({ path: `${SHOTS}/21-users-in-kolkata.png`, fullPage: true });
  // Back to the demo's zone, which the other checks expect.
  await chooseProfileZone(page, "new york", /New York \(America\/New York\)/);
  await page.goto("/settings/users");
  await expect(page.getByRole("row", { name: /admin@example\.com/ })).toContainText(/E[SD]T/);
});

test("text boxes and selects show a visible focus ring", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/users");
  const search = page.getByLabel("Search users");
  await search.focus();
  const ring = (el: Element) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  };
  expect(await search.evaluate(ring)).toEqual({ style: "solid", width: 2 });
  await page.keyboard.press("Tab");
  const roleFilter = page.getByLabel("Filter by role");
  await expect(roleFilter).toBeFocused();
  expect(await roleFilter.evaluate(ring)).toEqual({ style: "solid", width: 2 });
  await page.screenshot({ path: `${SHOTS}/22-focus-ring.png` });
});

test("Analytics says what is coming and links to each campaign's analytics", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/analytics");
  await expect(page.getByTestId("analytics-coming")).toContainText("Organization-wide analytics arrive with the calls work");
  await expect(page.getByText(/nothing to measure/i)).toHaveCount(0);
  await expect(page.getByTestId("analytics-campaign-row").filter({ hasText: "Spring Renewals Outreach" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/23-analytics.png`, fullPage: true });
  await page.getByRole("link", { name: "View analytics for Spring Renewals Outreach" }).click();
  await expect(page).toHaveURL(/\/campaigns\/campaign_[^/]+#analytics$/);
  await expect(page.getByRole("heading", { name: "Call activity" })).toBeVisible();
});

test("rates are '—' before any call, as ROI is", async ({ page, baseURL }) => {
  await signIn(page, "admin@example.com");
  const created = await page.request.post("/api/campaigns", {
    data: { name: "E2E No Calls Yet", campaign_type: "survey" },
    headers: { Origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await page.goto("/campaigns");
  const row = page.getByTestId("campaign-row").filter({ hasText: "E2E No Calls Yet" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("0%");
  await expect(row.getByRole("cell", { name: "—", exact: true })).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/24-campaigns-rates.png`, fullPage: true });
  await row.getByRole("link", { name: "E2E No Calls Yet" }).click();
  await expect(page.getByTestId("kpi-success-rate")).toContainText("—");
  await expect(page.getByTestId("kpi-conversion-rate")).toContainText("—");
  await expect(page.getByTestId("kpi-roi")).toContainText("—");
});

test("a number added to the do-not-call list marks its lead suppressed; the drawer shows everything", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/dnc");
  await page.getByLabel("Phone number").fill("(212) 555-0100");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByTestId("dnc-notice")).toContainText("(212) 555-0100 was added");
  await expect(page.getByTestId("dnc-row").first()).toContainText("(212) 555-0100");

  await openSpringRenewals(page);
  // The seeded leads came in through an import, listed with the campaign.
  await expect(page.getByText("spring-renewals.csv")).toBeVisible();
  await expect(page.getByText("No files imported yet")).toHaveCount(0);
  await page.getByLabel("Search leads").fill("2125550100");
  const row = page.getByTestId("lead-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("(212) 555-0100");
  await expect(row.getByTestId("lead-suppressed")).toHaveText("Suppressed (do-not-call)");
  await page.screenshot({ path: `${SHOTS}/25-lead-suppressed.png`, fullPage: true });

  await row.getByRole("cell").nth(2).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId("lead-suppressed")).toBeVisible();
  await expect(drawer).toContainText("+12125550100");
  await expect(drawer).toContainText("America/New York");
  await expect(drawer).toContainText("renewal_month");
  await expect(drawer).toContainText("plan");
  await expect(drawer).toContainText("Attempts");
  await page.screenshot({ path: `${SHOTS}/26-lead-drawer.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  // Keyboard way in: the name is a button.
  await row.getByRole("button").first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
});

test("the analytics card never draws hourly bars over a month", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await openSpringRenewals(page);
  const granularity = page.getByLabel("Granularity");
  await expect(granularity).toHaveValue("day");
  await expect(granularity.locator("option[value=hour]")).toBeDisabled();
  const to = await page.getByLabel("To", { exact: true }).inputValue();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(from);
  await expect(granularity).toHaveValue("hour");
  await expect(page.getByTestId("analytics-chart")).toBeVisible();
  expect(await page.locator(".recharts-bar-rectangle").count()).toBeLessThanOrEqual(48);
  await page.screenshot({ path: `${SHOTS}/27-analytics-hourly.png`, fullPage: true });
});

test("users: deactivation is confirmed, your own row explains itself, a role change shows while it saves", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/settings/users");
  const mine = page.getByTestId("user-row").filter({ hasText: "admin@example.com" });
  await expect(mine.getByTestId("self-hint")).toBeVisible();
  await expect(mine.getByRole("combobox")).toBeDisabled();
  await expect(mine.getByRole("button", { name: /Deactivate/ })).toBeDisabled();

  const manager = page.getByTestId("user-row").filter({ hasText: "manager@example.com" });
  await manager.getByRole("button", { name: "Deactivate Morgan Manager" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Morgan Manager?" });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/28-deactivate-confirm.png`, fullPage: true });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(manager).toContainText("Active");

  // Hold the save so the pending state can be seen.
  await page.route("**/api/users/user_*", async (route) => {
    if (route.request().method() === "PUT") await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const agent = page.getByTestId("user-row").filter({ hasText: "agent@example.com" });
  await agent.getByLabel("Role for Alex Agent").selectOption("manager");
  await expect(agent.getByLabel("Role for Alex Agent")).toHaveValue("manager");
  await expect(agent.getByTestId("role-saving")).toBeVisible();
  await expect(agent.getByRole("button", { name: "Deactivate Alex Agent" })).not.toHaveAttribute("aria-busy", "true");
  await page.screenshot({ path: `${SHOTS}/29-role-saving.png`, fullPage: true });
  await expect(page.getByTestId("users-notice")).toContainText("Alex Agent is now manager.");
  await expect(agent.getByTestId("role-saving")).toHaveCount(0);
  // Put the demo agent back.
  await agent.getByLabel("Role for Alex Agent").selectOption("agent");
  await expect(page.getByTestId("users-notice")).toContainText("Alex Agent is now agent.");
  await page.unroute("**/api/users/user_*");
});

test("an unknown dashboard address answers 404 inside the shell with a way back", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const reply = await page.goto("/campaignz/oops");
  expect(reply?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/30-not-found.png`, fullPage: true });
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
});

test("agents see what they can use, in plain words", async ({ page }) => {
  await signIn(page, "agent@example.com");
  await expect(page.getByText("Create outbound campaigns")).toHaveCount(0);
  await expect(page.getByText("See the campaigns your team runs")).toBeVisible();
  await expect(page.getByText("Set up your workspace")).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("denied-notice")).toContainText("Only admins and managers can use the API keys page");
  await expect(page.getByTestId("denied-notice")).not.toContainText("api_keys.manage");
  await page.screenshot({ path: `${SHOTS}/31-agent-overview.png`, fullPage: true });
});

test("the time-zone picker searches current names and works from the keyboard", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/campaigns/new");
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await zone.click();
  await zone.fill("kiev");
  await expect(page.getByText("No time zone matches")).toBeVisible();
  await zone.fill("kyiv");
  await expect(page.getByRole("option", { name: /Kyiv \(Europe\/Kyiv\)/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/32-timezone-combobox.png`, fullPage: true });
  await zone.fill("+05:30");
  await zone.press("ArrowDown");
  await expect(zone).toHaveAttribute("aria-activedescendant", /option/);
  await zone.press("Home");
  await zone.press("Enter");
  await expect(zone).toHaveValue(/Kolkata \(Asia\/Kolkata\)|Colombo/);
  await expect(zone).toHaveAttribute("aria-expanded", "false");
});
