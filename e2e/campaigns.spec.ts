// Campaigns end to end in Chromium: create a campaign, import leads through the wizard, read the
// counts, download the error report, then start and pause the campaign.
import { buildDemoData } from "../prisma/seed";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

const SHOTS = "e2e/.artifacts";

test("a manager creates a campaign, imports leads, downloads the errors, starts and pauses it", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("manager@example.com");
  await page.getByLabel("Password").fill("vocelio-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto("/campaigns");
  await expect(page.getByRole("link", { name: "Spring Renewals Outreach" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/10-campaigns.png`, fullPage: true });
  await page.getByRole("link", { name: "New campaign" }).or(page.getByRole("button", { name: "New campaign" })).first().click();

  await page.getByLabel("Name", { exact: true }).fill("E2E Winter Promo");
  await page.getByLabel("Campaign type").selectOption("event_promotion");
  await page.getByLabel("Max calls per day").fill("0");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByText(/greater than or equal to 1|at least 1|too small/i).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/11-campaign-form-error.png`, fullPage: true });
  await page.getByLabel("Max calls per day").fill("250");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await page.waitForURL(/\/campaigns\/campaign_[^/]+$/);
  await expect(page.getByRole("heading", { name: "E2E Winter Promo" })).toBeVisible();
  await expect(page.getByText("draft", { exact: true }).first()).toBeVisible();

  // Import leads through the wizard.
  await page.getByRole("link", { name: "Upload leads" }).or(page.getByRole("button", { name: "Upload leads" })).first().click();
  await page.getByLabel("CSV file").setInputFiles("e2e/fixtures/leads.csv");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Ada Lovelace").first()).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Map column Phone")).toHaveValue("phone_number");
  await expect(page.getByLabel("Map column Name")).toHaveValue("full_name");
  await page.screenshot({ path: `${SHOTS}/12-import-mapping.png`, fullPage: true });
  await page.getByRole("button", { name: "Upload" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByTestId("count-imported")).toHaveText(/^2$/);
  await expect(summary.getByTestId("count-duplicates")).toHaveText(/^1$/);
  await expect(summary.getByTestId("count-invalid")).toHaveText(/^2$/);
  await expect(summary.getByTestId("count-suppressed")).toHaveText(/^0$/);
  await page.screenshot({ path: `${SHOTS}/13-import-summary.png`, fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the report (CSV)" }).click();
  const download = await downloadPromise;
  const report = await readFile(await download.path(), "utf8");
  // Every row not imported, with the row's name and email; the E.164 number is defused against formulas.
  expect(report.split("\r\n").filter(Boolean)).toEqual([
    "row,kind,column,value,reason,name,email",
    "4,invalid,E-mail,not-an-email,Not a valid email address,Grace Hopper,not-an-email",
    "5,invalid,Phone,12,Not a valid phone number,Bad Number,bad@example.com",
    `6,duplicate,Phone,"'+12125550100",Duplicate: the same number as an earlier row of this file,Ada Again,ada2@example.com`,
  ]);

  // Start, then pause, with confirmations; the status badge follows.
  await page.getByRole("link", { name: "Back to campaign" }).or(page.getByRole("button", { name: "Back to campaign" })).first().click();
  await page.getByRole("button", { name: "Start campaign" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("active", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Start campaign" })).toHaveCount(0);
  await page.getByRole("button", { name: "Pause campaign" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("paused", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume campaign" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/14-campaign-paused.png`, fullPage: true });
});

test("the demo campaign's detail page shows numbers computed from its calls", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("vocelio-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Spring Renewals Outreach" }).click();
  // The seeded rows, rebuilt from the same seed and moment as the e2e server's (scripts/e2e-server.mjs);
  // the figures on the page must be what these rows say, worked out here by plain counting.
  const data = buildDemoData("org", "user", new Date("2026-11-30T15:00:00.000Z"));
  const campaign = data.campaigns.find((c) => c.name === "Spring Renewals Outreach")!;
  const leads = data.leads.filter((l) => l.campaignId === campaign.id);
  const calls = data.calls.filter((c) => c.campaignId === campaign.id);
  const connected = calls.filter((c) => c.answeredAt).length;
  const converted = calls.filter((c) => c.converted).length;
  expect(calls.length).toBeGreaterThan(100);
  const kpi = (id: string) => page.getByTestId(id);
  await expect(kpi("kpi-total-prospects")).toContainText(leads.length.toLocaleString("en-US"));
  await expect(kpi("kpi-contacted")).toContainText(leads.filter((l) => (l.status ?? "pending") !== "pending").length.toLocaleString("en-US"));
  const shown = async (id: string) => Number(/([\d.]+)%/.exec((await kpi(id).textContent()) ?? "")?.[1]);
  // One decimal on screen: within rounding of the exact rate.
  expect(Math.abs((await shown("kpi-success-rate")) - (100 * connected) / calls.length)).toBeLessThanOrEqual(0.06);
  expect(Math.abs((await shown("kpi-conversion-rate")) - (100 * converted) / connected)).toBeLessThanOrEqual(0.06);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/15-campaign-detail.png`, fullPage: true });
});

test("the Overview shows the organization's figures for the last 30 days, counted from the seeded calls", async ({ page }) => {
  // The window comes from the API's reply (its bounds are pinned by the integration tests); what is
  // checked here is that the figures are the seeded rows inside that window, counted in the test.
  const reply = page.waitForResponse((r) => r.url().includes("/api/analytics/dashboard") && r.ok());
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("vocelio-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const body = (await (await reply).json()) as { data: { date_from: string; date_to: string } };
  const from = Date.parse(body.data.date_from);
  const to = Date.parse(body.data.date_to);
  const data = buildDemoData("org", "user", new Date("2026-11-30T15:00:00.000Z"));
  const inWindow = data.calls.filter((c) => {
    const at = new Date(c.startedAt as Date).getTime();
    return at >= from && at < to;
  });
  const revenue = inWindow.reduce((sum, c) => sum + Number(c.revenue ?? 0), 0);
  const active = data.campaigns.filter((c) => c.status === "active").length;
  await expect(page.getByTestId("overview-total-calls")).toContainText(inWindow.length.toLocaleString("en-US"));
  await expect(page.getByTestId("overview-active-campaigns")).toContainText(String(active));
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(revenue);
  await expect(page.getByTestId("overview-revenue")).toContainText(dollars);
  if (inWindow.length > 0) {
    const connected = inWindow.filter((c) => c.answeredAt).length;
    const shown = Number(/([\d.]+)%/.exec((await page.getByTestId("overview-success-rate").textContent()) ?? "")?.[1]);
    expect(Math.abs(shown - (100 * connected) / inWindow.length)).toBeLessThanOrEqual(0.06);
    await expect(page.getByTestId("overview-top-campaigns").getByRole("link").first()).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/16-overview-figures.png`, fullPage: true });
});
