// Agents end to end in Chromium: create an agent in the editor (a built-in voice, a variable inserted
// from the hints, a flow problem shown inline), then chat with it in the Test tab through three
// conversations that end as interested, callback and do-not-call. Then: the agent picked in a campaign
// is in use and cannot be deleted, the agents role sees it read-only but may test it, and once the
// campaign has no agent it is deleted.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "test-results";


/** Says `text` in the Test tab and waits for the agent's answer. */
async function say(page: Page, text: string) {
  const lines = page.getByTestId("test-caller-line");
  const before = await lines.count();
  await page.getByLabel("Your reply").fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(lines).toHaveCount(before + 1);
  await expect(lines.last().getByTestId("test-understanding")).toBeVisible();
}

/** A full-page capture from the top: scrolled, the sticky sidebar and header land mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/agents-${name}.png`, fullPage: true });
}

async function restart(page: Page) {
  await page.getByTestId("test-outcome").getByRole("button", { name: "Restart", exact: true }).click();
  await expect(page.getByTestId("test-outcome")).toHaveCount(0);
  await expect(page.getByTestId("test-caller-line")).toHaveCount(0);
  await expect(page.getByTestId("test-chat")).toContainText("Would you like to hear more?");
}

test("an admin creates an agent and tests it to three outcomes: interested, callback, do not call", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
  await shot(page, "01-list");
  await page.getByRole("link", { name: "New agent" }).first().click();
  await expect(page.getByRole("heading", { name: "New agent", level: 1 })).toBeVisible();

  // The disclosure comes prefilled; saving with nothing else says what is missing.
  await expect(page.getByLabel("Disclosure", { exact: true })).toHaveValue(/automated AI voice assistant/);
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByTestId("agent-form-error")).toContainText("need attention");
  await expect(page.getByText("Choose a voice")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("E2E Renewals");
  await page.getByLabel("Voice", { exact: true }).selectOption({ label: "Ava" });
  const firstMessage = page.getByLabel("First message", { exact: true });
  await firstMessage.fill("Hi ");
  await page.getByRole("group", { name: "Insert a variable into First message" }).getByRole("button", { name: "{{lead.first_name}}" }).click();
  await firstMessage.press("End");
  await firstMessage.pressSequentially(", I'm calling about your plan renewal.");
  await expect(firstMessage).toHaveValue("Hi {{lead.first_name}}, I'm calling about your plan renewal.");

  // ▶ speaks the first message in Ava's voice.
  await page.getByRole("button", { name: "Play the first message" }).click();
  await expect(page.getByRole("button", { name: "Pause the first message" })).toBeVisible();
  await page.getByRole("button", { name: "Pause the first message" }).click();

  // A step nothing leads to is a problem shown on the step, and blocks saving until it is removed.
  await page.getByRole("button", { name: "Say", exact: true }).click();
  const added = page.getByRole("listitem", { name: "Step 5: say_1" });
  await added.getByLabel("Says", { exact: true }).fill("Just so you know, it only takes a minute.");
  await expect(added.getByTestId("flow-step-problems")).toContainText("can never be reached from the start");
  await shot(page, "02-editor-problem");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByTestId("agent-form-error")).toContainText("One problem needs fixing");
  await added.getByRole("button", { name: "Remove say_1" }).click();
  await expect(page.getByTestId("flow-step-problems")).toHaveCount(0);

  await page.getByRole("button", { name: "Create agent" }).click();
  await page.waitForURL(/\/agents\/(?!new$)[^/]+$/);
  await expect(page.getByTestId("toast")).toContainText("“E2E Renewals” was created");
  await expect(page.getByRole("heading", { name: "E2E Renewals", level: 1 })).toBeVisible();
  // The saved definition is back in the editor, the voice too (its options arrive after the form's values).
  await expect(page.getByLabel("Voice", { exact: true })).toHaveValue("voice_ava");
  await expect(page.getByLabel("Voice", { exact: true }).locator("option:checked")).toHaveText("Ava");
  await expect(page.getByLabel("First message", { exact: true })).toHaveValue("Hi {{lead.first_name}}, I'm calling about your plan renewal.");
  await expect(page.getByTestId("flow-step")).toHaveCount(4);

  // The Test tab: the opening with the sample lead's name.
  await page.getByRole("tab", { name: "Test" }).click();
  await page.getByLabel("First name").fill("Sam");
  await page.getByRole("button", { name: "Start conversation" }).click();
  const chat = page.getByTestId("test-chat");
  await expect(chat.getByTestId("test-agent-line").first()).toContainText("automated AI voice assistant");
  await expect(chat).toContainText("Hi Sam, I'm calling about your plan renewal.");
  await expect(chat).toContainText("Would you like to hear more?");

  // (a) interested, through the default flow's first branch.
  await say(page, "yes I'm interested");
  await expect(page.getByTestId("test-caller-line").last().getByTestId("test-understanding")).toContainText(/Intent: (Interested|Yes)/);
  await expect(page.getByTestId("test-disposition")).toContainText("Interested");
  await expect(page.getByTestId("test-disposition")).toContainText("interested");
  await expect(page.getByTestId("test-path")).toContainText("interest");
  await expect(page.getByTestId("test-path")).toContainText("close");
  await expect(page.getByLabel("Your reply")).toBeDisabled();
  // ▶ on one of the agent's lines plays it in the agent's voice.
  await chat.getByTestId("test-agent-line").last().getByRole("button", { name: "Play this line in the agent's voice" }).click();
  await expect(chat.getByTestId("test-agent-line").last().getByRole("button", { name: "Pause this line in the agent's voice" })).toBeVisible();
  await shot(page, "03-test-interested");

  // (b) a silence is reprompted; then a callback time ends it as a callback.
  await restart(page);
  const agentLines = await chat.getByTestId("test-agent-line").count();
  await page.getByRole("button", { name: "Stay silent" }).click();
  await expect(page.getByTestId("test-caller-line").last()).toContainText("(stays silent)");
  await expect.poll(() => chat.getByTestId("test-agent-line").count()).toBeGreaterThan(agentLines);
  await say(page, "call me back tomorrow at 3");
  await expect(page.getByTestId("test-caller-line").last().getByTestId("test-understanding")).toContainText("callback_request");
  await expect(page.getByTestId("test-disposition")).toContainText("Callback");
  await expect(page.getByTestId("test-callback-at")).toContainText(/3:00\s?PM/);
  await shot(page, "04-test-callback");

  // (c) an opt-out ends it as do-not-call.
  await restart(page);
  await say(page, "stop calling me");
  await expect(page.getByTestId("test-disposition")).toContainText("Do not call");
  await expect(page.getByTestId("test-opted-out")).toBeVisible();
  await shot(page, "05-test-do-not-call");

  // The list shows it.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Agents" }).click();
  const row = page.getByTestId("agent-row").filter({ hasText: "E2E Renewals" });
  await expect(row).toContainText("Ava");
  await expect(row).toContainText("Flow");
  await shot(page, "06-list");
});

test("an agent a campaign uses cannot be deleted; the agents role sees it read-only and may test it; unused, it is deleted", async ({ page }) => {
  await signIn(page, "manager@example.com");
  // Cookie-authenticated writes must come from the app's own origin.
  const created = await page.request.post("/api/agents", {
    headers: { origin: new URL(page.url()).origin },
    data: { name: "E2E Campaign Agent", voice_id: "voice_ava", first_message: "Hi {{lead.first_name}}, a quick question about your order." },
  });
  expect(created.status()).toBe(201);
  const agent = ((await created.json()) as { data: { id: string } }).data;

  // Picked in a new campaign's form.
  await page.goto("/campaigns/new");
  // The agents listed means the form is hydrated: text typed before that would be reset.
  const picker = page.getByLabel("AI agent");
  await expect(picker.getByRole("option", { name: "E2E Campaign Agent" })).toBeAttached();
  await expect(picker.getByRole("option", { name: "No agent" })).toBeAttached();
  await picker.selectOption({ label: "E2E Campaign Agent" });
  await page.getByLabel("Name", { exact: true }).fill("E2E Agent Campaign");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("E2E Agent Campaign");
  await shot(page, "07-campaign-picker");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await page.waitForURL(/\/campaigns\/campaign_[^/]+$/);
  const campaignUrl = page.url();

  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByRole("heading", { name: /E2E Campaign Agent/, level: 1 })).toContainText("In use");
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Delete agent" }).click();
  await expect(dialog.getByTestId("delete-agent-error")).toContainText(/campaign/i);
  await page.screenshot({ path: `${SHOTS}/agents-08-delete-refused.png` });
  await dialog.getByRole("button", { name: "Keep it" }).click();

  // The agents role: no edit controls, but the Test tab works.
  await page.context().clearCookies();
  await signIn(page, "agent@example.com");
  await page.goto("/agents");
  await expect(page.getByTestId("agent-row").filter({ hasText: "E2E Campaign Agent" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New agent" })).toHaveCount(0);
  await page.getByRole("link", { name: "E2E Campaign Agent" }).click();
  await expect(page.getByText("View only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Voice", { exact: true }).locator("option:checked")).toHaveText("Ava");
  await expect(page.getByRole("button", { name: "Add a branch" })).toHaveCount(0);
  await shot(page, "09-agent-role-editor");
  await page.getByRole("tab", { name: "Test" }).click();
  await page.getByRole("button", { name: "Start conversation" }).click();
  await expect(page.getByTestId("test-chat")).toContainText("a quick question about your order");
  await shot(page, "10-agent-role-test");

  // Back as the manager: the campaign's edit form shows its agent; with none, the agent can go.
  await page.context().clearCookies();
  await signIn(page, "manager@example.com");
  await page.goto(`${campaignUrl}/edit`);
  const editPicker = page.getByLabel("AI agent");
  await expect(editPicker).toHaveValue(agent.id);
  await editPicker.selectOption({ label: "No agent" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(campaignUrl);
  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByRole("heading", { name: "E2E Campaign Agent", level: 1 })).not.toContainText("In use");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete agent" }).click();
  await page.waitForURL((url) => url.pathname === "/agents");
  await expect(page.getByTestId("toast")).toContainText("“E2E Campaign Agent” was deleted");
  await expect(page.getByTestId("agent-row").filter({ hasText: "E2E Campaign Agent" })).toHaveCount(0);
});

test("a manager opens the demo Renewals agent: a price question, a callback for tomorrow at 3, and an opt-out each come back right", async ({ page }) => {
  await signIn(page, "manager@example.com");
  await page.goto("/agents");
  await page.getByTestId("agent-row").filter({ hasText: "Renewals" }).filter({ hasNotText: "E2E" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Renewals", level: 1 })).toBeVisible();
  await page.getByRole("tab", { name: "Test" }).click();
  await page.getByLabel("First name").fill("Maya");
  await page.getByRole("button", { name: "Start conversation" }).click();
  const chat = page.getByTestId("test-chat");
  await expect(chat.getByTestId("test-agent-line").first()).toContainText("automated AI voice assistant calling on behalf of Demo Org about your plan renewal");
  await expect(chat).toContainText("Would you like to renew it for another year at your current rate?");

  // The price question is answered from the knowledge, and the question asked again.
  await say(page, "how much is it going to cost me");
  await expect(page.getByTestId("test-caller-line").last().getByTestId("test-understanding")).toContainText("price_question");
  await expect(chat.getByTestId("test-agent-line").last()).toContainText("Would you like to renew it for another year");
  await expect(chat).toContainText("annual billing gives you two months free");

  // "Tomorrow at 3" is a callback at 3 pm tomorrow.
  await say(page, "call me back tomorrow at 3");
  await expect(page.getByTestId("test-disposition")).toContainText("Callback");
  await expect(page.getByTestId("test-callback-at")).toContainText(/3:00\s?PM/);
  await expect(chat).toContainText("I'll call you back tomorrow at 3:00 PM");
  await shot(page, "11-renewals-price-callback");

  // An opt-out, in a new conversation.
  await page.getByTestId("test-outcome").getByRole("button", { name: "Restart", exact: true }).click();
  await expect(page.getByTestId("test-caller-line")).toHaveCount(0);
  await expect(chat).toContainText("Would you like to renew it for another year at your current rate?");
  await say(page, "take me off your list");
  await expect(page.getByTestId("test-disposition")).toContainText("Do not call");
  await expect(page.getByTestId("test-opted-out")).toBeVisible();
  await shot(page, "12-renewals-opt-out");
});
