// The ElevenLabs provider and its HTTP client, run for real against a local server that speaks
// ElevenLabs' API (lib/testing/elevenlabs-fixture.ts): catalogue mapping, speech in both formats with
// measured durations, the requests sent, instant cloning, and every kind of failure.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startElevenLabsFixture, type ElevenLabsFixture } from "@/lib/testing/elevenlabs-fixture";
import { speechProvider, SpeechProviderError } from "@/lib/voice/provider";
import { mp3Duration } from "@/lib/voice/mp3";
import { parseWav, writeWav } from "@/lib/voice/wav";
import { cloneElevenLabsVoice, ElevenLabsError, elevenLabsConfigured, elevenLabsProvider, listElevenLabsVoices } from "@/lib/voice/elevenlabs/provider";
import { listVoices, textToSpeech, voiceCategory, voiceGender, voiceLanguage } from "@/lib/voice/elevenlabs/client";

// The fixture's speech rule, restated here: text.length × 0.06 s at speed 1.
const secondsFor = (text: string, speed = 1) => (text.length * 0.06) / speed;
// MPEG-1 Layer III at 44.1 kHz and 128 kbps: 1,152 samples in floor(144 × 128000 / 44100) = 417 bytes.
const MP3_FRAME_BYTES = 417;

let fixture: ElevenLabsFixture;
beforeAll(async () => {
  fixture = await startElevenLabsFixture();
});
afterAll(async () => {
  await fixture.close();
});
beforeEach(() => {
  vi.stubEnv("ELEVENLABS_API_KEY", fixture.apiKey);
  vi.stubEnv("ELEVENLABS_BASE_URL", `${fixture.url}/`);
  vi.stubEnv("ELEVENLABS_MODEL", "");
  vi.stubEnv("ELEVENLABS_PRICE_PER_1K_CHARS", "");
  vi.stubEnv("ELEVENLABS_TIMEOUT_MS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  fixture.clearFailure();
});

const lastRequest = () => fixture.requests.at(-1)!;
const voice = (providerVoiceId: string) => ({ providerVoiceId, engineParams: {} });

async function rejection(promise: Promise<unknown>): Promise<ElevenLabsError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ElevenLabsError);
  expect(error).toBeInstanceOf(SpeechProviderError);
  expect((error as ElevenLabsError).provider).toBe("elevenlabs");
  return error as ElevenLabsError;
}

describe("configuration", () => {
  it("is configured by ELEVENLABS_API_KEY; the price defaults to $0.05 per 1,000 characters and follows the environment", async () => {
    expect(elevenLabsConfigured()).toBe(true);
    const provider = await speechProvider("elevenlabs");
    expect(provider.id).toBe("elevenlabs");
    expect(provider.formats).toEqual(["mp3", "wav"]);
    expect(provider.pricePer1000Characters()).toBe(0.05);
    vi.stubEnv("ELEVENLABS_PRICE_PER_1K_CHARS", "0.06");
    expect(provider.pricePer1000Characters()).toBe(0.06);
    vi.stubEnv("ELEVENLABS_API_KEY", "");
    expect(elevenLabsConfigured()).toBe(false);
    const error = await rejection(provider.synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", {}, "mp3"));
    expect(error.code).toBe("not_configured");
    expect(error.status).toBeUndefined();
  });
});

describe("voice catalogue", () => {
  it("lists the account's voices with language, gender, category and preview mapped for the library", async () => {
    const voices = await listElevenLabsVoices();
    expect(lastRequest()).toMatchObject({ method: "GET", path: "/v1/voices", status: 200 });
    expect(lastRequest().headers["xi-api-key"]).toBe(fixture.apiKey);
    const preview = (id: string) => `${fixture.url}/previews/${id}.mp3`;
    expect(voices).toEqual([
      // accent "american", no language label → en-US; use_case narration → narrative
      { provider_voice_id: "21m00Tcm4TlvDq8ikWAM", name: "Rachel", description: null, language: "en-US", gender: "female", category: "narrative", preview_url: preview("21m00Tcm4TlvDq8ikWAM"), provider_category: "premade" },
      // the locale verified for eleven_flash_v2_5 wins
      { provider_voice_id: "JBFqnCBsd6RMkjVDRZzb", name: "George", description: "Warm resonance that instantly captivates listeners.", language: "en-GB", gender: "male", category: "narrative", preview_url: preview("JBFqnCBsd6RMkjVDRZzb"), provider_category: "premade" },
      { provider_voice_id: "cgSgspJ2msm6clMCkdW9", name: "Jessica", description: "Young and popular, this playful American female voice is perfect for trendy content.", language: "en-US", gender: "female", category: "conversational", preview_url: preview("cgSgspJ2msm6clMCkdW9"), provider_category: "premade" },
      // language "es" + accent "castilian" → es-ES; informative_educational → professional
      { provider_voice_id: "gD1IexrzCvsXPHUuT0s3", name: "Lucía", description: "Clear Castilian Spanish for explainers.", language: "es-ES", gender: "female", category: "professional", preview_url: preview("gD1IexrzCvsXPHUuT0s3"), provider_category: "professional" },
      // language only → its usual region; non-binary → neutral; no use case → conversational; "" → null
      { provider_voice_id: "nPczCjzI2devNBz1zQrb", name: "Sky", description: null, language: "fr-FR", gender: "neutral", category: "conversational", preview_url: preview("nPczCjzI2devNBz1zQrb"), provider_category: "generated" },
    ]);
    const sample = await fetch(voices[0]!.preview_url!);
    expect(sample.headers.get("content-type")).toBe("audio/mpeg");
    expect(mp3Duration(new Uint8Array(await sample.arrayBuffer()))).toBeCloseTo((10 * 1152) / 44100, 9);
  });
});

describe("catalogue mapping rules", () => {
  it("derives BCP 47 from verified locales, language and accent labels, best effort", () => {
    expect(voiceLanguage({ verified_languages: [{ language: "pt", locale: "pt_br", model_id: "eleven_flash_v2_5" }] })).toBe("pt-BR");
    expect(
      voiceLanguage(
        { verified_languages: [{ language: "en", locale: "en-GB", model_id: "eleven_multilingual_v2" }, { language: "en", locale: "en-AU", model_id: "eleven_flash_v2_5" }] },
        "eleven_flash_v2_5",
      ),
    ).toBe("en-AU");
    expect(voiceLanguage({ labels: { accent: "mexican" } })).toBe("es-MX");
    expect(voiceLanguage({ labels: { language: "Spanish", accent: "american" } })).toBe("es-US");
    expect(voiceLanguage({ labels: { language: "de", accent: "castilian" } })).toBe("de-DE");
    expect(voiceLanguage({ labels: { language: "xh" } })).toBe("xh");
    expect(voiceLanguage({ labels: { accent: "constructor" } })).toBe("en-US");
    expect(voiceLanguage({})).toBe("en-US");
  });

  it("maps gender and use case", () => {
    expect([voiceGender({ gender: "Female" }), voiceGender({ gender: "male" }), voiceGender({ gender: "non-binary" }), voiceGender(null)]).toEqual(["female", "male", "neutral", "neutral"]);
    expect(voiceCategory({ use_case: "characters_animation" }, "premade")).toBe("narrative");
    expect(voiceCategory({ use_case: "news" }, "premade")).toBe("professional");
    expect(voiceCategory({ use_case: "social media" }, "premade")).toBe("conversational");
    expect(voiceCategory({}, "professional")).toBe("professional");
    expect(voiceCategory({ use_case: "something new" }, "cloned")).toBe("conversational");
  });
});

describe("speech", () => {
  it("synthesises MP3 with the model, the honoured settings and output_format mp3_44100_128, and measures it", async () => {
    const provider = await speechProvider("elevenlabs");
    const text = "Hi Maria, this is Ava from Vocelio calling about your appointment.";
    const result = await provider.synthesize(
      voice("JBFqnCBsd6RMkjVDRZzb"),
      text,
      { stability: 0.4, similarity_boost: 0.8, style: 0.1, use_speaker_boost: true, speed: 1.1, pitch: 1.2 },
      "mp3",
    );
    const request = lastRequest();
    expect(request).toMatchObject({ method: "POST", path: "/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb", query: { output_format: "mp3_44100_128" }, status: 200 });
    expect(request.headers["xi-api-key"]).toBe(fixture.apiKey);
    expect(request.headers["content-type"]).toBe("application/json");
    // pitch is the built-in engine's: never sent
    expect(request.json).toEqual({
      text,
      model_id: "eleven_flash_v2_5",
      voice_settings: { stability: 0.4, similarity_boost: 0.8, style: 0.1, use_speaker_boost: true, speed: 1.1 },
    });

    const frames = Math.ceil((secondsFor(text, 1.1) * 44100) / 1152);
    expect(request.responseBytes).toBe(frames * MP3_FRAME_BYTES);
    expect(result.format).toBe("mp3");
    expect(result.audio.length).toBe(frames * MP3_FRAME_BYTES);
    expect([...result.audio.subarray(0, 2)]).toEqual([0xff, 0xfb]);
    expect(result.durationSeconds).toBeCloseTo((frames * 1152) / 44100, 9);
  });

  it("synthesises WAV from pcm_16000, wrapped as 16-bit mono at 16 kHz, and sends no voice_settings when none are set", async () => {
    const text = "Press one to speak with an agent.";
    const result = await elevenLabsProvider().synthesize(voice("cgSgspJ2msm6clMCkdW9"), text, {}, "wav");
    const request = lastRequest();
    expect(request.query).toEqual({ output_format: "pcm_16000" });
    expect(request.json).toEqual({ text, model_id: "eleven_flash_v2_5" });

    const samples = Math.round(secondsFor(text) * 16000);
    expect(request.responseBytes).toBe(samples * 2);
    expect(result.format).toBe("wav");
    expect(result.audio.length).toBe(44 + samples * 2);
    const pcm = parseWav(result.audio)!;
    expect({ sampleRate: pcm.sampleRate, channels: pcm.channels, bitsPerSample: pcm.bitsPerSample, bytes: pcm.data.length }).toEqual({
      sampleRate: 16000,
      channels: 1,
      bitsPerSample: 16,
      bytes: samples * 2,
    });
    expect(result.durationSeconds).toBeCloseTo(samples / 16000, 9);
  });

  it("uses ELEVENLABS_MODEL, and the client returns the content type of each format", async () => {
    vi.stubEnv("ELEVENLABS_MODEL", "eleven_turbo_v2_5");
    const mp3 = await textToSpeech("21m00Tcm4TlvDq8ikWAM", "Thanks for your time.", { speed: 0.9 }, "mp3");
    expect(lastRequest().json).toEqual({ text: "Thanks for your time.", model_id: "eleven_turbo_v2_5", voice_settings: { speed: 0.9 } });
    expect(mp3.contentType).toBe("audio/mpeg");
    const wav = await textToSpeech("21m00Tcm4TlvDq8ikWAM", "Thanks for your time.", {}, "wav");
    expect(wav.contentType).toBe("audio/wav");
  });
});

describe("instant voice cloning", () => {
  it("uploads name, description, labels and files as multipart; the clone is listed and speaks", async () => {
    const mp3 = Buffer.from([0xff, 0xfb, 0x90, 0xc0, ...new Array<number>(413).fill(0)]);
    const wav = writeWav({ sampleRate: 16000, channels: 1, bitsPerSample: 16, data: new Uint8Array(3200) });
    const clone = await cloneElevenLabsVoice({
      name: "Dana (clone)",
      description: "Our head of sales",
      labels: { language: "en", accent: "british", gender: "female" },
      files: [
        { filename: "sample-1.mp3", contentType: "audio/mpeg", bytes: mp3 },
        { filename: "sample-2.wav", contentType: "audio/wav", bytes: wav },
      ],
    });
    expect(clone).toEqual({ provider_voice_id: expect.stringMatching(/^IVC\d{17}$/), requires_verification: false });

    const request = lastRequest();
    expect(request).toMatchObject({ method: "POST", path: "/v1/voices/add", status: 200 });
    expect(request.headers["xi-api-key"]).toBe(fixture.apiKey);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.form!.fields).toEqual({ name: ["Dana (clone)"], description: ["Our head of sales"], labels: [JSON.stringify({ language: "en", accent: "british", gender: "female" })] });
    expect(request.form!.files.map((f) => ({ field: f.field, filename: f.filename, contentType: f.contentType, bytes: f.bytes.toString("base64") }))).toEqual([
      { field: "files", filename: "sample-1.mp3", contentType: "audio/mpeg", bytes: mp3.toString("base64") },
      { field: "files", filename: "sample-2.wav", contentType: "audio/wav", bytes: wav.toString("base64") },
    ]);

    const listed = (await listVoices()).find((v) => v.provider_voice_id === clone.provider_voice_id);
    expect(listed).toEqual({
      provider_voice_id: clone.provider_voice_id,
      name: "Dana (clone)",
      description: "Our head of sales",
      language: "en-GB",
      gender: "female",
      category: "conversational",
      preview_url: null,
      provider_category: "cloned",
    });
    const spoken = await elevenLabsProvider().synthesize(voice(clone.provider_voice_id), "Hello again.", {}, "mp3");
    expect(spoken.durationSeconds).toBeGreaterThan(0);
  });
});

describe("failures become SpeechProviderErrors with the reason and the HTTP status", () => {
  it("401: an invalid key", async () => {
    vi.stubEnv("ELEVENLABS_API_KEY", "sk_wrong");
    const error = await rejection(listElevenLabsVoices());
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", reason: "Invalid API key (invalid_api_key)", rateLimited: false });
    expect(error.message).toBe("ElevenLabs: Invalid API key (invalid_api_key)");
  });

  it("422: voice_settings out of range, with each field's detail", async () => {
    const error = await rejection(elevenLabsProvider().synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", { stability: 1.5, speed: 0.5 }, "mp3"));
    expect(lastRequest().status).toBe(422);
    expect(error).toMatchObject({
      status: 422,
      code: "validation_error",
      reason: "voice_settings.stability: Input should be less than or equal to 1; voice_settings.speed: Input should be greater than or equal to 0.7",
    });
  });

  it("422: a clone without files, and an injected 422", async () => {
    const missing = await rejection(cloneElevenLabsVoice({ name: "Nobody", files: [] }));
    expect(missing).toMatchObject({ status: 422, reason: "files: Field required" });
    fixture.setFailure(422);
    const injected = await rejection(listElevenLabsVoices());
    expect(injected).toMatchObject({ status: 422, code: "validation_error", reason: "text: Field required" });
  });

  it("404: a voice ElevenLabs does not know", async () => {
    const error = await rejection(elevenLabsProvider().synthesize(voice("no-such-voice"), "Hello", {}, "wav"));
    expect(error).toMatchObject({ status: 404, code: "voice_not_found" });
    expect(error.reason).toContain("no-such-voice");
  });

  it("429: too many concurrent requests or system busy, distinguishable by status and code; the next request succeeds", async () => {
    fixture.setFailure(429);
    const concurrent = await rejection(elevenLabsProvider().synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", {}, "mp3"));
    expect(concurrent).toMatchObject({ status: 429, code: "too_many_concurrent_requests", rateLimited: true });
    expect(concurrent.reason).toMatch(/^Too many concurrent requests/);

    fixture.setFailure("system_busy", 2);
    expect(await rejection(listElevenLabsVoices())).toMatchObject({ status: 429, code: "system_busy", rateLimited: true });
    expect(await rejection(listElevenLabsVoices())).toMatchObject({ status: 429, code: "system_busy" });
    expect((await listElevenLabsVoices()).length).toBeGreaterThan(0);
  });

  it("5xx: a plain-text 500 and an HTML 503 keep their status", async () => {
    fixture.setFailure(500);
    expect(await rejection(listElevenLabsVoices())).toMatchObject({ status: 500, code: undefined, reason: "HTTP 500 Internal Server Error" });
    fixture.setFailure(503);
    expect(await rejection(elevenLabsProvider().synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", {}, "mp3"))).toMatchObject({
      status: 503,
      reason: "HTTP 503 Service Unavailable",
    });
  });

  it("a timeout (ELEVENLABS_TIMEOUT_MS) and an unreachable host have no status", async () => {
    vi.stubEnv("ELEVENLABS_TIMEOUT_MS", "100");
    fixture.setFailure("hang");
    const timeout = await rejection(elevenLabsProvider().synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", {}, "mp3"));
    expect(timeout).toMatchObject({ status: undefined, code: "timeout" });

    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await rejection(listVoices({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(unreachable).toMatchObject({ status: undefined, code: "network" });
  });

  it("a 200 whose body is not audio of the asked format cannot be measured", async () => {
    const wrong: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ audio: "not here" }));
    });
    await new Promise<void>((resolve) => wrong.listen(0, "127.0.0.1", resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`;
      const error = await rejection(elevenLabsProvider({ baseUrl }).synthesize(voice("21m00Tcm4TlvDq8ikWAM"), "Hello", {}, "mp3"));
      expect(error).toMatchObject({ status: undefined, code: "unreadable_response" });
      expect(error.message).toMatch(/not readable MP3 audio/);
    } finally {
      await new Promise<void>((resolve) => wrong.close(() => resolve()));
    }
  });
});
