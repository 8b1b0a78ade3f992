// Live calls end to end in Chromium, through the built-in carrier simulator at the configured
// SIMULATOR_SPEED (real time unless set): the demo manager has the Renewals agent call this tab ("Call
// me in the browser"), hears the disclosure, answers by typing, and gets the price; a second tab on
// /calls/live lists the call and follows its transcript as it grows; the leg hangs up; the call's page
// shows the typed line in the transcript and, once the background job has copied it, the recording.
// This spec places a real call: specs that count the demo seed's calls run before it (alphabetically).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "test-results";
/** The agent speaks in real time at SIMULATOR_SPEED=1: a turn can take several seconds of audio. */
const TURN_MS = 60_000;

async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/live-${name}.png`, fullPage });
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Types a line on the leg once it is your turn, and waits for the agent's next line after it. */
async function answer(leg: Locator, text: string) {
  await expect(leg.getByTestId("leg-status")).toContainText("Your turn — type what you'd say", { timeout: TURN_MS });
  const agentLines = leg.locator('[data-testid="leg-line"][data-speaker="agent"]');
  const before = await agentLines.count();
  await leg.getByLabel("What you say").fill(text);
  await leg.getByRole("button", { name: "Send", exact: true }).click();
  await expect(leg.locator('[data-testid="leg-line"][data-speaker="you"]').last()).toHaveText(new RegExp(text.replace(/[?.]/g, "\\$&")));
  await expect(agentLines).toHaveCount(before + 1, { timeout: TURN_MS });
}

test("the Renewals agent calls the manager's tab; the call is followed live, hung up, then has its transcript and recording", async ({ page, context }) => {
  test.setTimeout(300_000);
  await signIn(page, "manager@example.com");

  // An agent's page offers the call (the manager has calls.create).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await page.getByRole("link", { name: "Renewals", exact: true }).click();
  await page.waitForURL(/\/agents\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Call me in the browser" }).click();

  const dialog = page.getByRole("dialog", { name: "Call in your browser" });
  await expect(dialog).toBeVisible();
  const leg = dialog.getByTestId("browser-leg");
  // While the call is on, the drawer is not dismissed by Escape: "Hang up" is the way out.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();

  // The agent's first line is its disclosure, as chat bubbles; then it is your turn.
  await expect(leg.locator('[data-testid="leg-line"][data-speaker="agent"]').first()).toContainText("automated AI voice assistant", { timeout: TURN_MS });
  await answer(leg, "How much does it cost?");
  await shot(page, "01-leg-desktop", false);
  await page.setViewportSize({ width: 375, height: 812 });
  await shot(page, "02-leg-phone", false);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Another tab of the same user: the call is listed, and its transcript follows the conversation.
  const live = await context.newPage();
  await live.goto("/calls/live");
  await expect(live.getByRole("heading", { name: "Live calls", level: 1 })).toBeVisible();
  const row = live.getByTestId("live-call-row").filter({ hasText: "Browser tab" });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("call-status")).toHaveText("In progress");
  await expect(row.getByTestId("live-last-said")).not.toHaveText("—");
  await expect(live.getByTestId("live-total").locator("dd").first()).toHaveText("1");
  // The duration ticks in the browser.
  const duration = row.getByTestId("live-duration");
  const first = await duration.textContent();
  await expect(duration).not.toHaveText(first!, { timeout: 5_000 });

  await row.getByRole("button", { name: "Browser tab" }).click();
  await expect(live).toHaveURL(/[?&]call=call_/);
  const panel = live.getByTestId("live-call-panel");
  const lines = panel.getByTestId("live-transcript-line");
  await expect(panel.getByTestId("live-transcript")).toContainText("automated AI voice assistant");
  await expect(panel.getByTestId("live-transcript")).toContainText("How much does it cost?");
  await expect(panel.getByRole("button", { name: "Hang up" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Take over" })).toBeVisible();
  const shown = await lines.count();

  // One more exchange from the first tab: the second tab's transcript grows.
  await page.bringToFront();
  await answer(leg, "Can I pay for the whole year at once?");
  await live.bringToFront();
  await expect.poll(() => lines.count(), { timeout: 15_000 }).toBeGreaterThan(shown);
  await expect(panel.getByTestId("live-transcript")).toContainText("Can I pay for the whole year at once?");
  await shot(live, "03-live-desktop");
  await live.setViewportSize({ width: 375, height: 812 });
  await expect(live.getByTestId("live-call-card")).toHaveCount(1);
  await noSidewaysScroll(live);
  await shot(live, "04-live-phone");
  await live.setViewportSize({ width: 1280, height: 720 });

  // Hang up from the leg: the call ends, and leaves the live list.
  await page.bringToFront();
  await leg.getByRole("button", { name: "Hang up" }).click();
  await expect(leg.getByTestId("leg-ended")).toContainText("Call ended", { timeout: TURN_MS });
  await expect(leg.getByTestId("leg-status")).toHaveText("Call ended");
  await live.bringToFront();
  await expect(live.getByText("No calls in progress")).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByTestId("call-status")).toHaveText("Completed");
  await live.close();

  // The call's page: the typed lines are in the transcript, as the lead's.
  await page.bringToFront();
  await leg.getByRole("link", { name: "Open the call" }).click();
  await page.waitForURL(/\/calls\/call_[^/?]+$/);
  const transcript = page.getByTestId("call-transcript");
  await expect(transcript.locator('[data-testid="transcript-line"][data-speaker="lead"]').first()).toContainText("How much does it cost?");
  await expect(transcript).toContainText("automated AI voice assistant");

  // The recording is copied by a background job after the call: reload until its player is there.
  const audio = page.getByTestId("call-audio");
  await expect(async () => {
    await page.reload();
    await expect(audio).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000, intervals: [2_000, 3_000, 5_000] });
  const src = await audio.getAttribute("src");
  expect(src).toBeTruthy();
  const recording = await page.request.get(new URL(src!, page.url()).toString());
  expect(recording.status()).toBe(200);
  expect(recording.headers()["content-type"]).toMatch(/^audio\//);
  await shot(page, "05-detail-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page);
  await shot(page, "06-detail-phone");
});

test("a manager takes a call over from Live calls: the whisper, then connected in the tab, then hung up", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@example.com");
  const agents = await page.request.get("/api/agents?limit=100");
  expect(agents.ok()).toBe(true);
  const renewals = ((await agents.json()) as { data: { agents: { id: string; name: string }[] } }).data.agents.find((a) => a.name === "Renewals");
  expect(renewals).toBeTruthy();
  // A call nobody answers in a tab (placed through the API): the agent talks, then waits for the lead.
  // Cookie-authenticated writes must come from the app's own origin.
  const placed = await page.request.post("/api/calls/browser", { headers: { origin: new URL(page.url()).origin }, data: { agent_id: renewals!.id } });
  expect(placed.status()).toBe(201);
  const callId = ((await placed.json()) as { data: { call_id: string } }).data.call_id;
  await expect
    .poll(async () => ((await (await page.request.get(`/api/calls/${callId}`)).json()) as { data: { status: string } }).data.status, { timeout: 30_000 })
    .toBe("in_progress");

  await page.goto(`/calls/live?call=${callId}`);
  const panel = page.getByTestId("live-call-panel");
  await expect(panel.getByTestId("call-status")).toHaveText("In progress");
  await panel.getByRole("button", { name: "Take over" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Taking over" })).toBeVisible();

  // The tab rings, hears the whisper (only the person taking over hears it), then is connected.
  const leg = page.getByTestId("browser-leg");
  await expect(leg.locator('[data-testid="leg-line"][data-speaker="whisper"]').first()).toContainText("Whisper — only you hear this", { timeout: TURN_MS });
  await expect(leg.getByTestId("leg-status")).toHaveText("You're connected with the lead", { timeout: TURN_MS });
  // Once taken over, it is not offered again.
  await expect(panel.getByRole("button", { name: "Take over" })).toHaveCount(0);
  await leg.getByLabel("What you say").fill("Hello, this is Morgan from Demo Org. I can help with your renewal.");
  await leg.getByRole("button", { name: "Send", exact: true }).click();
  await expect(leg.locator('[data-testid="leg-line"][data-speaker="you"]')).toHaveCount(1);
  await expect(leg.getByTestId("leg-problem")).toHaveCount(0);
  await shot(page, "07-takeover-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page);
  await shot(page, "08-takeover-phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  await leg.getByRole("button", { name: "Hang up" }).click();
  await expect(leg.getByTestId("leg-ended")).toBeVisible({ timeout: TURN_MS });
  await expect(panel.getByTestId("call-status")).toHaveText("Completed", { timeout: 15_000 });
  await expect(page.getByText("No calls in progress")).toBeVisible({ timeout: 15_000 });
});

test("who is offered the browser phone: managers on agents and campaigns with an agent; the agents role is not", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await page.getByRole("link", { name: "Spring Renewals Outreach" }).first().click();
  await page.waitForURL(/\/campaigns\/[^/]+$/);
  const actions = page.getByTestId("campaign-actions");
  await expect(actions.getByRole("button", { name: "Call me in the browser" })).toBeEnabled();
  await shot(page, "09-campaign-actions", false);

  await page.context().clearCookies();
  await signIn(page, "agent@example.com");
  await page.goto("/agents");
  await page.getByRole("link", { name: "Renewals", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Call me in the browser" })).toHaveCount(0);
  await page.goto("/calls/live");
  await expect(page.getByText("No calls in progress")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to agents" })).toHaveCount(0);
  await shot(page, "10-live-empty-agent-role", false);
});
