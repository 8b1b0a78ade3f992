// The Calls pages end to end in Chromium, on the demo seed's 300+ calls: the list with its filters kept
// in the URL and "Load more", a call's detail (conversation, analysis, cost, timeline, the outcome form),
// "Call not found", and both pages at phone width. The seeded calls have no recordings or transcripts,
// and placing a real call would change the figures other specs count from the seed, so the second test
// patches one call's reply in the browser (a transcript, a recording, then a call in progress) to check
// what the page does with them: lines follow the audio, the live transcript grows, "Hang up" works.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "test-results";

/** A full-page capture from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/calls-${name}.png`, fullPage: true });
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a manager filters the calls, opens one, records its outcome; both pages work at phone width", async ({ page }) => {
  await signIn(page, "manager@example.com");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Calls", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/calls");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  // One nav item is current, the most specific one.
  await expect(nav.getByRole("link", { name: "Calls", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Live calls" })).not.toHaveAttribute("aria-current", "page");

  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(25);
  const count = page.getByTestId("calls-count");
  await expect(count).toContainText(/Showing 25 of [\d,]+\+? calls/);
  const total = Number(/of ([\d,]+)/.exec((await count.textContent()) ?? "")?.[1]?.replaceAll(",", ""));
  expect(total).toBeGreaterThan(300);
  await shot(page, "01-list");

  // A status filter goes into the URL; only failed calls, each with why it failed.
  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(rows.first()).toBeVisible();
  await expect(rows.getByTestId("call-status").filter({ hasNotText: "Failed" })).toHaveCount(0);
  // Never a raw code on screen (ended reasons and dispositions are in words).
  await expect(rows.filter({ hasText: /\b[a-z]+_[a-z_]+\b/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Load more calls" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.getByTestId("call-status").filter({ hasNotText: "Failed" })).toHaveCount(0);

  // Filters survive a reload, and combine with a campaign.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("failed");
  await page.getByLabel("Campaign").selectOption({ label: "Spring Renewals Outreach" });
  await expect(page).toHaveURL(/campaign_id=/);
  await expect(rows.filter({ hasNotText: "Spring Renewals Outreach" })).toHaveCount(0);
  await shot(page, "02-list-filtered");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForURL((url) => url.pathname === "/calls" && url.search === "");

  // A completed call's detail.
  await page.getByLabel("Status").selectOption("completed");
  await expect(rows.getByTestId("call-status").filter({ hasNotText: "Completed" })).toHaveCount(0);
  const link = rows.first().getByRole("link");
  const leadName = (await link.textContent())!.trim();
  await link.click();
  await page.waitForURL(/\/calls\/call_[^/?]+$/);
  await expect(page.getByRole("heading", { name: leadName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("call-status").first()).toHaveText("Completed");
  await expect(page.getByTestId("call-conversation")).toBeVisible();
  // The seeded calls ended long ago with neither a recording nor a transcript.
  await expect(page.getByTestId("call-recording")).toContainText("No recording");
  await expect(page.getByTestId("call-transcript")).toContainText("No transcript");
  await expect(page.getByTestId("call-analysis")).toContainText("Quality score");
  await expect(page.getByTestId("call-quality")).toHaveText(/^\d\.\d$/);
  await expect(page.getByTestId("call-cost")).toBeVisible();
  await expect(page.getByTestId("call-timeline")).toBeVisible();
  // Campaign and agent links go to their pages.
  await expect(page.getByTestId("call-facts").locator("a[href^='/campaigns/']")).toHaveCount(1);
  await expect(page.getByTestId("call-facts").locator("a[href^='/agents/']")).toHaveCount(1);
  // The manager may record the outcome (calls.update); the call is over, so no "Hang up".
  await expect(page.getByRole("button", { name: "Hang up" })).toHaveCount(0);
  const save = page.getByRole("button", { name: "Save outcome" });
  await expect(save).toBeDisabled();
  await page.getByLabel("Customer satisfaction").selectOption("4");
  await page.getByLabel("Notes").fill("E2E: asked for the premium plan brochure.");
  await save.click();
  await expect(page.getByTestId("toast")).toContainText("The call's outcome was saved.");
  await expect(save).toBeDisabled();
  await shot(page, "03-detail");
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue("E2E: asked for the premium plan brochure.");
  await expect(page.getByLabel("Customer satisfaction")).toHaveValue("4");
  const detailUrl = page.url();

  // An id that is not this organization's call.
  await page.goto("/calls/call_doesnotexist");
  await expect(page.getByRole("heading", { name: "Call not found" })).toBeVisible();

  // Phone width: cards instead of the table, no sideways scrolling.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/calls?status=completed");
  const cards = page.getByTestId("call-card");
  await expect(cards.first()).toBeVisible();
  await expect(rows.first()).toBeHidden();
  await expect(page.getByLabel("Status")).toHaveValue("completed");
  await noSidewaysScroll(page);
  await shot(page, "04-list-phone");
  await page.goto(detailUrl);
  await expect(page.getByTestId("call-analysis")).toBeVisible();
  await noSidewaysScroll(page);
  await shot(page, "05-detail-phone");
});

// ── A call with a recording and a transcript, then one in progress (replies patched in the browser) ──

/** A WAV of a quiet 220 Hz tone, so the player has real audio to seek in. */
function toneWav(seconds: number, rate = 8000): Buffer {
  const samples = seconds * rate;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buffer.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 220 * i) / rate) * 2000), 44 + i * 2);
  return buffer;
}

const TRANSCRIPT = [
  { speaker: "agent", text: "Hi, this is an automated AI voice assistant calling about your plan renewal.", start: 0.4, end: 4.2 },
  { speaker: "lead", text: "Oh, okay. What is it about?", start: 4.8, end: 6.9 },
  { speaker: "agent", text: "Your plan renews next month. Would you like to hear about the premium option?", start: 7.3, end: 12.1 },
  { speaker: "lead", text: "Yes, tell me more.", start: 12.6, end: 14.2 },
  { speaker: "agent", text: "Great. I'll send the details by email and a colleague will follow up.", start: 14.6, end: 19.5 },
] as const;

test("a call's transcript follows its recording; a live call's transcript grows and it can be hung up", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "manager@example.com");
  const list = await page.request.get("/api/calls?status=completed&limit=2");
  expect(list.ok()).toBe(true);
  const [done, live] = ((await list.json()) as { data: { call_id: string }[] }).data;

  const wav = toneWav(22);
  await page.route(/\/e2e-recording\.wav/, async (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers().range ?? "");
    if (!range) return route.fulfill({ status: 200, headers: { "Content-Type": "audio/wav", "Accept-Ranges": "bytes" }, body: wav });
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    return route.fulfill({
      status: 206,
      headers: { "Content-Type": "audio/wav", "Accept-Ranges": "bytes", "Content-Range": `bytes ${start}-${end}/${wav.length}` },
      body: wav.subarray(start, end + 1),
    });
  });
  // The real reply, with what the post-call pipeline adds: a (signed, so changing) link, the transcript,
  // the analysis' components, the cost breakdown and a timeline.
  let reads = 0;
  await page.route(new RegExp(`/api/calls/${done!.call_id}$`), async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    reads++;
    body.data = {
      ...body.data,
      recording_url: `/e2e-recording.wav?expires=${reads}&signature=s${reads}`,
      recording_seconds: 22,
      transcript: TRANSCRIPT,
      analysis: { ...body.data.analysis, details: { quality_components: { completion: 1, talk_balance: 0.86 }, sentiment_score: 0.42 } },
      cost_breakdown: {
        telephony: { minutes: 1, price_per_minute: 0.014, cost: 0.014 },
        amd: { cost: 0.0075 },
        recording: { minutes: 1, price_per_minute: 0.0025, cost: 0.0025 },
        speech: { characters: 310, cost: 0.0093 },
        llm: { input_tokens: 0, output_tokens: 0, cost: 0 },
        total: 0.0333,
      },
      timeline: [
        { status: "initiated", provider_status: null, sequence: null, at: body.data.started_at, detail: { by: "user" } },
        { status: "ringing", provider_status: "ringing", sequence: 1, at: body.data.started_at, detail: {} },
        { status: "in_progress", provider_status: "in-progress", sequence: 2, at: body.data.answered_at, detail: { answered_by: "human" } },
        { status: "completed", provider_status: "completed", sequence: 3, at: body.data.ended_at, detail: { ended_reason: "agent_ended" } },
      ],
    };
    await route.fulfill({ response, json: body });
  });

  await page.goto(`/calls/${done!.call_id}`);
  const lines = page.getByTestId("transcript-line");
  await expect(lines).toHaveCount(TRANSCRIPT.length);
  await expect(lines.nth(0)).toHaveAttribute("data-speaker", "agent");
  await expect(lines.nth(1)).toHaveAttribute("data-speaker", "lead");
  const audio = page.getByTestId("call-audio");
  await expect(audio).toHaveAttribute("src", /e2e-recording\.wav/);

  // A line is a button: it seeks the recording to its start and is marked as the one playing.
  const third = lines.nth(2).getByRole("button");
  await third.click();
  await expect(third).toHaveAttribute("aria-current", "true");
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeGreaterThanOrEqual(TRANSCRIPT[2].start - 0.05);
  // From the keyboard too.
  const first = lines.nth(0).getByRole("button");
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-current", "true");
  await expect(third).not.toHaveAttribute("aria-current", "true");
  // Playing on moves the highlight with the audio.
  await audio.evaluate((el: HTMLAudioElement) => {
    el.currentTime = 12.8;
  });
  await expect(lines.nth(3).getByRole("button")).toHaveAttribute("aria-current", "true");
  await audio.evaluate((el: HTMLAudioElement) => el.pause());

  await expect(page.getByTestId("call-analysis-details")).toContainText("Quality components · Talk balance");
  await expect(page.getByTestId("call-cost")).toContainText("Answering-machine detection");
  await expect(page.getByTestId("call-cost")).toContainText("$0.0333");
  await expect(page.getByTestId("timeline-entry")).toHaveCount(4);
  await expect(page.getByTestId("call-timeline")).toContainText("The agent ended the call");
  await shot(page, "06-detail-transcript");
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page);
  await shot(page, "07-detail-transcript-phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  // A call in progress: the detail is read every second and each read has one more line.
  let liveReads = 0;
  let hungUp = false;
  const liveReply = (body: { data: Record<string, unknown> }) => ({
    ...body,
    data: {
      ...body.data,
      status: hungUp ? "completed" : "in_progress",
      ended_reason: hungUp ? "agent_ended" : null,
      ended_at: hungUp ? new Date().toISOString() : null,
      recording_url: null,
      transcript: TRANSCRIPT.slice(0, Math.min(TRANSCRIPT.length, liveReads)),
      cost_breakdown: null,
    },
  });
  await page.route(new RegExp(`/api/calls/${live!.call_id}(/hangup)?$`), async (route) => {
    const hangup = route.request().url().endsWith("/hangup");
    if (hangup) {
      expect(route.request().method()).toBe("POST");
      const response = await route.fetch({ method: "GET", url: route.request().url().replace(/\/hangup$/, "") });
      return route.fulfill({ response, json: liveReply(await response.json()) }).then(() => {
        hungUp = true;
      });
    }
    const response = await route.fetch();
    liveReads++;
    await route.fulfill({ response, json: liveReply(await response.json()) });
  });
  await page.goto(`/calls/${live!.call_id}`);
  await expect(page.getByTestId("call-status").first()).toHaveText("In progress");
  await expect(page.getByTestId("call-recording")).toContainText("recording will be here once it ends");
  await expect.poll(() => lines.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await shot(page, "08-detail-live");

  await page.getByRole("button", { name: "Hang up" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Hang up this call?");
  await dialog.getByRole("button", { name: "Hang up" }).click();
  await expect(page.getByTestId("toast")).toContainText("Hanging up");
  await expect(page.getByTestId("call-status").first()).toHaveText("Completed");
  await expect(page.getByTestId("call-ended-reason")).toHaveText("The agent ended the call");
  await expect(page.getByRole("button", { name: "Hang up" })).toHaveCount(0);
  await expect(page.getByTestId("call-recording")).toContainText("Recording is being processed");
});
