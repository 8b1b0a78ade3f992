// The voice library in real Chromium against `next start`: the built-in catalogue with playable
// samples (one at a time), "Try a voice" with generation, playback and the cache, a clone from an
// uploaded WAV trained by the background job runner until ready (renamed, refused while in use, then
// deleted), recording in the browser, filters, a view-only agent and the page at phone width.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const SHOTS = "e2e/.artifacts";


/** The <audio> element's duration in seconds, once its metadata has loaded. */
async function audioDuration(audio: Locator): Promise<number> {
  return audio.evaluate(
    (element: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        if (element.readyState >= HTMLMediaElement.HAVE_METADATA) return resolve(element.duration);
        element.addEventListener("loadedmetadata", () => resolve(element.duration), { once: true });
        element.addEventListener("error", () => reject(new Error(`audio failed to load: ${element.currentSrc}`)), { once: true });
        // Nothing asked for it yet (preload="none" and not played): load it without playing.
        if (element.paused && element.readyState === HTMLMediaElement.HAVE_NOTHING) element.load();
      }),
  );
}

const isPaused = (audio: Locator) => audio.evaluate((element: HTMLAudioElement) => element.paused);

function card(page: Page, name: string): Locator {
  return page.getByTestId("voice-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test("the library lists the built-in voices and plays one sample at a time", async ({ page }) => {
  await signIn(page);
  // The Overview no longer lists the library under "Coming next".
  await expect(page.getByRole("heading", { name: "Coming next" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Voices", level: 3 })).toHaveCount(0);
  await page.goto("/voices");
  await expect(page.getByRole("heading", { name: "Voices", level: 1 })).toBeVisible();
  await expect(page.getByTestId("voices-count")).toHaveText("21 voices");
  await expect(page.getByTestId("voice-card")).toHaveCount(21);

  const ava = card(page, "Ava");
  await expect(ava).toContainText("English (United States)");
  await expect(ava).toContainText("en-US");
  await expect(ava).toContainText("Built-in");
  await expect(ava).toContainText("Female");
  await expect(ava).toContainText("Professional");
  await expect(card(page, "Eleanor")).toContainText("en-GB");
  await expect(card(page, "Priya")).toContainText("hi-IN");
  await expect(card(page, "Priya")).toContainText("Hindi (India)");
  await page.screenshot({ path: `${SHOTS}/40-voices.png`, fullPage: true });

  // Ava's sample plays in place.
  const avaAudio = ava.getByTestId("voice-sample-audio");
  await ava.getByRole("button", { name: "Play Ava sample" }).click();
  expect(await audioDuration(avaAudio)).toBeGreaterThan(0);
  await expect(ava.getByRole("button", { name: "Pause Ava sample" })).toBeVisible();
  await expect.poll(() => isPaused(avaAudio)).toBe(false);

  // Starting Eleanor's stops Ava's.
  const eleanor = card(page, "Eleanor");
  const eleanorAudio = eleanor.getByTestId("voice-sample-audio");
  await eleanor.getByRole("button", { name: "Play Eleanor sample" }).click();
  expect(await audioDuration(eleanorAudio)).toBeGreaterThan(0);
  await expect.poll(() => isPaused(eleanorAudio)).toBe(false);
  await expect.poll(() => isPaused(avaAudio)).toBe(true);
  await expect(ava.getByRole("button", { name: "Play Ava sample" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/41-voices-playing.png` });
  await eleanor.getByRole("button", { name: "Pause Eleanor sample" }).click();
  await expect.poll(() => isPaused(eleanorAudio)).toBe(true);
});

test("try a voice: generate, play, and the same again comes from the cache", async ({ page }) => {
  await signIn(page);
  await page.goto("/voices");
  await card(page, "Ava").getByRole("button", { name: "Try Ava" }).click();
  const dialog = page.getByRole("dialog", { name: "Try a voice" });
  await expect(dialog.getByLabel("Voice", { exact: true })).toHaveValue("voice_ava");
  // Built-in voices offer speed, pitch and stability; no ElevenLabs-only settings.
  await expect(dialog.getByRole("slider", { name: "Speed" })).toBeVisible();
  await expect(dialog.getByRole("slider", { name: "Pitch" })).toBeVisible();
  await expect(dialog.getByRole("slider", { name: "Stability" })).toBeVisible();
  await expect(dialog.getByRole("slider", { name: "Similarity" })).toHaveCount(0);

  const text = "Good afternoon! This is Ava from Vocelio, calling to confirm your delivery window for tomorrow morning.";
  await dialog.getByLabel("Text to speak").fill(text);
  await expect(dialog.getByTestId("speech-char-count")).toContainText(`${text.length} / 5,000`);
  // Sliders work from the keyboard: one step faster.
  await dialog.getByRole("slider", { name: "Speed" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByTestId("setting-speed-value")).toHaveText("105%");

  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const result = dialog.getByTestId("speech-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText("New");
  await expect(result.getByTestId("speech-duration")).toHaveText(/^\d+:\d\d$/);
  await expect(result.getByTestId("speech-cost")).toHaveText("$0.00");
  const audio = result.getByTestId("speech-audio");
  await result.getByRole("button", { name: "Play the generated speech" }).click();
  expect(await audioDuration(audio)).toBeGreaterThan(0);
  await expect.poll(() => isPaused(audio)).toBe(false);
  await page.screenshot({ path: `${SHOTS}/42-try-voice.png` });

  // The same text, voice and settings again: from the cache.
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(result.getByTestId("speech-cached")).toBeVisible();
  await expect(result).toContainText("From the cache");
  await expect(result.getByTestId("speech-cost")).toHaveText("$0.00");
  expect(await audioDuration(result.getByTestId("speech-audio"))).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/43-try-voice-cached.png` });

  // Too much text is refused before it is sent.
  await dialog.getByLabel("Text to speak").fill("x".repeat(5_001));
  await expect(dialog.getByText("1 character too many: the limit is 5,000")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Generate", exact: true })).toBeDisabled();
});

test("clone a voice from an uploaded WAV: training until ready, rename, refused while in use, delete", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page);

  // A recording to clone, made by the app itself: about eight seconds of Marcus speaking.
  const speech = await page.request.post("/api/voice/generate", {
    headers: { Origin: baseURL! },
    data: {
      voice_id: "voice_marcus",
      text: "Hello, and thank you for taking my call today. I am reaching out about your account, because there are a few new options that could save you both time and money. Do you have a minute to talk about them?",
    },
  });
  expect(speech.status()).toBe(200);
  const { data: generated } = await speech.json();
  const wav = await page.request.get(generated.audio_url);
  expect(wav.status()).toBe(200);
  const bytes = await wav.body();
  expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  expect(generated.duration).toBeGreaterThan(4);

  await page.goto("/voices");
  await page.getByRole("button", { name: "Clone a voice" }).click();
  const dialog = page.getByRole("dialog", { name: "Clone a voice" });
  await dialog.getByLabel("Recording file").setInputFiles({ name: "speaker.wav", mimeType: "audio/wav", buffer: bytes });
  expect(await audioDuration(dialog.getByTestId("upload-audio"))).toBeGreaterThan(4);
  await dialog.getByLabel("Voice name").fill("E2E Clone");
  await dialog.getByLabel("Description (optional)").fill("Cloned from a built-in voice by the e2e test");
  await expect(dialog.getByLabel("Language spoken")).toHaveValue("en-US");

  // Consent is required, and said so.
  await dialog.getByRole("button", { name: "Clone voice" }).click();
  await expect(dialog.getByText(/Tick the box to confirm the speaker’s permission/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/44-clone-consent-required.png` });
  await dialog.getByLabel("The speaker agreed to have their voice cloned").check();
  await dialog.getByRole("button", { name: "Clone voice" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // Listed at once as training (the page switches to newest first), then ready.
  const notice = page.getByTestId("clone-notice");
  await expect(notice).toBeVisible();
  const clone = card(page, "E2E Clone");
  await expect(clone).toBeVisible();
  await expect(page.getByTestId("voice-card").first()).toContainText("E2E Clone");
  await expect(clone).toContainText("Your clone");
  const status = await clone.getAttribute("data-status");
  expect(["training", "ready"]).toContain(status);
  // Training can finish before the first look: the built-in analysis of eight seconds is quick.
  if (status === "training") await page.screenshot({ path: `${SHOTS}/45-clone-training.png`, fullPage: true });
  await expect(notice).toContainText("is ready", { timeout: 90_000 });
  await expect(clone).toHaveAttribute("data-status", "ready");
  await expect(clone.getByTestId("voice-status")).toHaveCount(0);
  await clone.getByRole("button", { name: "Play E2E Clone sample" }).click();
  expect(await audioDuration(clone.getByTestId("voice-sample-audio"))).toBeGreaterThan(0);
  await expect(clone.getByRole("button", { name: "Pause E2E Clone sample" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/46-clone-ready.png`, fullPage: true });

  // Rename it.
  await clone.getByRole("button", { name: "Rename E2E Clone" }).click();
  const rename = page.getByRole("dialog", { name: "Rename voice" });
  await rename.getByLabel("Name").fill("E2E Clone Renamed");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByTestId("voices-notice")).toContainText("E2E Clone Renamed");
  const renamed = card(page, "E2E Clone Renamed");
  await expect(renamed).toBeVisible();
  const voiceId = await renamed.getAttribute("data-voice-id");

  // A campaign speaks with it: shown as in use, and deleting it is refused with the campaign's name.
  const campaign = await page.request.post("/api/campaigns", {
    headers: { Origin: baseURL! },
    data: { name: "E2E Voice User", campaign_type: "survey", settings: { voice_id: voiceId } },
  });
  expect(campaign.status()).toBe(201);
  const campaignId: string = (await campaign.json()).data.campaign_id;
  await page.reload();
  await expect(renamed.getByTestId("voice-in-use")).toBeVisible();
  await renamed.getByRole("button", { name: "Delete E2E Clone Renamed" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete “E2E Clone Renamed”?" });
  await confirm.getByRole("button", { name: "Delete voice" }).click();
  await expect(confirm.getByTestId("delete-voice-error")).toContainText("E2E Voice User");
  await page.screenshot({ path: `${SHOTS}/47-delete-refused.png` });
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();

  // Once the campaign speaks with another voice, it can go.
  const freed = await page.request.put(`/api/campaigns/${campaignId}`, {
    headers: { Origin: baseURL! },
    data: { settings: { voice_id: "voice_ava" } },
  });
  expect(freed.status()).toBe(200);
  await page.reload();
  await expect(renamed.getByTestId("voice-in-use")).toHaveCount(0);
  await renamed.getByRole("button", { name: "Delete E2E Clone Renamed" }).click();
  await confirm.getByRole("button", { name: "Delete voice" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("voices-notice")).toContainText("was deleted");
  await expect(card(page, "E2E Clone Renamed")).toHaveCount(0);
});

test("record in the browser: level meter, timer and a preview", async ({ page }) => {
  // A microphone that hums: a real MediaStream from an oscillator, so MediaRecorder and the
  // AnalyserNode run as they would with a person speaking.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      const context = new AudioContext();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = 180;
      const destination = context.createMediaStreamDestination();
      oscillator.connect(destination);
      oscillator.start();
      return destination.stream;
    };
  });
  await signIn(page);
  await page.goto("/voices");
  await page.getByRole("button", { name: "Clone a voice" }).click();
  const dialog = page.getByRole("dialog", { name: "Clone a voice" });
  await dialog.getByText("Record", { exact: true }).click();
  await dialog.getByRole("button", { name: "Start recording" }).click();
  await expect(dialog.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(dialog.getByTestId("recording-timer")).toHaveText("0:02", { timeout: 10_000 });
  const meter = dialog.getByTestId("level-meter").locator("div");
  await expect.poll(() => meter.evaluate((bar: HTMLElement) => parseFloat(bar.style.width))).toBeGreaterThan(10);
  await page.screenshot({ path: `${SHOTS}/48-clone-recording.png` });
  await dialog.getByRole("button", { name: "Stop" }).click();
  await expect(dialog.getByText("Your recording")).toBeVisible();
  await expect(dialog.getByTestId("voice-recorder")).toContainText(/\/ 0:0[2-9]/);
  await expect(dialog.getByRole("button", { name: "Play your recording" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Record again" })).toBeVisible();
  // Back to the upload tab and again: the recording is kept.
  await dialog.getByText("Upload a file", { exact: true }).click();
  await dialog.getByText("Record", { exact: true }).click();
  await expect(dialog.getByText("Your recording")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/49-clone-recorded.png` });
});

test("filters: language, gender, an empty result and its reset", async ({ page }) => {
  await signIn(page);
  await page.goto("/voices");
  await expect(page.getByTestId("voices-count")).toHaveText("21 voices");

  await page.getByLabel("Filter by language").selectOption("en-GB");
  await expect(page.getByTestId("voices-count")).toHaveText("4 voices match these filters");
  for (const name of ["Eleanor", "Oliver", "Quinn", "Harriet"]) await expect(card(page, name)).toBeVisible();
  await page.getByLabel("Filter by gender").selectOption("female");
  await expect(page.getByTestId("voices-count")).toHaveText("2 voices match these filters");
  await expect(card(page, "Eleanor")).toBeVisible();
  await expect(card(page, "Harriet")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/50-voices-filtered.png`, fullPage: true });

  // "English (all regions)" matches en-US and en-GB.
  await page.getByLabel("Filter by language").selectOption("en");
  await expect(page.getByTestId("voices-count")).toHaveText("4 voices match these filters");
  await expect(card(page, "Ava")).toBeVisible();
  await expect(card(page, "Jenna")).toBeVisible();

  await page.getByLabel("Search voices").fill("nobody sounds like this");
  await expect(page.getByText("No voices match these filters")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/51-voices-empty.png`, fullPage: true });
  await page.getByRole("button", { name: "Reset filters" }).click();
  await expect(page.getByTestId("voices-count")).toHaveText("21 voices");
  await expect(page.getByLabel("Search voices")).toHaveValue("");
});

test("an agent can listen but not generate or clone", async ({ page }) => {
  await signIn(page, "agent@example.com");
  await page.goto("/voices");
  await expect(page.getByTestId("voices-count")).toHaveText("21 voices");
  await expect(page.getByRole("button", { name: "Clone a voice" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try a voice" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Try / })).toHaveCount(0);
  const priya = card(page, "Priya");
  await priya.getByRole("button", { name: "Play Priya sample" }).click();
  expect(await audioDuration(priya.getByTestId("voice-sample-audio"))).toBeGreaterThan(0);
});

test("the library at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  await page.goto("/voices");
  await expect(page.getByTestId("voice-card")).toHaveCount(21);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/52-voices-phone.png` });
  await page.screenshot({ path: `${SHOTS}/53-voices-phone-full.png`, fullPage: true });

  await card(page, "Ava").getByRole("button", { name: "Try Ava" }).click();
  const tryDialog = page.getByRole("dialog", { name: "Try a voice" });
  await expect(tryDialog.getByLabel("Text to speak")).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/54-try-voice-phone.png` });
  await page.keyboard.press("Escape");
  await expect(tryDialog).toBeHidden();

  await page.getByRole("button", { name: "Clone a voice" }).click();
  const cloneDialog = page.getByRole("dialog", { name: "Clone a voice" });
  await expect(cloneDialog).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/55-clone-phone.png` });
});
