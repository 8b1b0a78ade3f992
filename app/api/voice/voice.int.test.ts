// The Voice Service through its route handlers with the built-in engine (espeak-ng): the catalogue,
// filters, one voice, clones' edit and delete rules, speech generation with its cache, usage and
// signed links, permissions and another organization's clone. Audio lengths are read from the WAV
// header bytes here, not with the code under test.
import { beforeAll, describe, expect, it } from "vitest";
import * as voicesRoute from "@/app/api/voice/voices/route";
import * as voiceRoute from "@/app/api/voice/voices/[voice_id]/route";
import * as generateRoute from "@/app/api/voice/generate/route";
import * as cloneRoute from "@/app/api/voice/clone/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import { runAllDueWork } from "@/lib/testing/jobs";
import { objectStore } from "@/lib/storage/provider";
import { cloneUploadKey } from "@/lib/voice/clone-upload";
import * as objectRoute from "@/app/api/storage/objects/[...key]/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

type Org = Awaited<ReturnType<typeof createOrg>>;
let a: Org;
let b: Org;

const list = (query: Record<string, string> = {}, token = a.agent.token) => call(voicesRoute.GET, { path: "/api/voice/voices", token, query });
const get = (id: string, token = a.agent.token) => call(voiceRoute.GET, { path: `/api/voice/voices/${id}`, params: { voice_id: id }, token });
const put = (id: string, body: unknown, token = a.manager.token) =>
  call(voiceRoute.PUT, { method: "PUT", path: `/api/voice/voices/${id}`, params: { voice_id: id }, token, body });
const del = (id: string, token = a.manager.token) => call(voiceRoute.DELETE, { method: "DELETE", path: `/api/voice/voices/${id}`, params: { voice_id: id }, token });
const generate = (body: unknown, token = a.manager.token) => call(generateRoute.POST, { method: "POST", path: "/api/voice/generate", token, body });

/** Fetches a signed link through the storage route, as a browser or Twilio would: bytes and headers. */
async function fetchLink(link: string, headers: Record<string, string> = {}) {
  const url = new URL(link);
  const key = decodeURIComponent(url.pathname.replace("/api/storage/objects/", "")).split("/");
  const response = await objectRoute.GET(new Request(link, { headers }), { params: Promise.resolve({ key }) } as never);
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Seconds of audio in a canonical 16-bit PCM WAV, from its header fields. */
function wavSeconds(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("RIFF");
  expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe("WAVE");
  const byteRate = view.getUint32(28, true);
  // espeak-ng writes the canonical 44-byte header: the samples follow "data" + size at byte 36.
  expect(String.fromCharCode(...bytes.subarray(36, 40))).toBe("data");
  return (bytes.length - 44) / byteRate;
}

async function clone(org: Org, name: string, status: "ready" | "training" = "ready") {
  const prisma = await db();
  const row = await prisma.voice.create({
    data: {
      id: newId("voice"),
      organizationId: org.org.id,
      provider: "builtin",
      providerVoiceId: `clone-${newId("voice")}`,
      name,
      language: "en-US",
      gender: "female",
      category: "conversational",
      status,
      settings: { speed: 1, pitch: 1, stability: 0.5 },
      engineParams: { voice: "en-us", variant: "f2", rate: 170, pitch: 60 },
      createdById: org.manager.id,
    },
  });
  return row.id;
}

beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

describe("GET /api/voice/voices", () => {
  it("lists the built-in catalogue in the spec's shape, every sample playable", async () => {
    const reply = await list({ limit: "100" });
    expect(reply.status).toBe(200);
    const voices = reply.json.data.voices as Record<string, unknown>[];
    expect(voices.length).toBeGreaterThanOrEqual(16);
    expect(reply.json.pagination).toMatchObject({ page: 1, limit: 100, total: voices.length });
    const languages = new Set(voices.map((v) => v.language));
    for (const tag of ["en-US", "en-GB", "es-ES", "fr-FR", "de-DE", "pt-BR", "it-IT", "hi-IN"]) expect(languages).toContain(tag);
    for (const gender of ["female", "male", "neutral"]) expect(voices.some((v) => v.gender === gender)).toBe(true);
    for (const category of ["professional", "conversational", "narrative"]) expect(voices.some((v) => v.category === category)).toBe(true);
    const ava = voices.find((v) => v.id === "voice_ava")!;
    expect(ava).toMatchObject({ name: "Ava", provider: "builtin", language: "en-US", gender: "female", category: "professional", status: "ready", owned: false, in_use: false });
    expect(ava.settings).toEqual({ speed: 1, pitch: 1, stability: 0.6 });
    for (const voice of voices) {
      const sample = await fetchLink(voice.sample_url as string);
      expect(sample.status).toBe(200);
      expect(sample.headers.get("content-type")).toBe("audio/wav");
      expect(wavSeconds(sample.bytes)).toBeGreaterThan(1.5);
    }
  });

  it("filters by language (en matches every English region), gender, category, provider and search", async () => {
    const english = (await list({ language: "en", limit: "100" })).json.data.voices as { language: string }[];
    expect(new Set(english.map((v) => v.language))).toEqual(new Set(["en-US", "en-GB"]));
    const british = (await list({ language: "en-GB", limit: "100" })).json.data.voices as { language: string }[];
    expect(british.length).toBeGreaterThan(0);
    expect(british.every((v) => v.language === "en-GB")).toBe(true);
    const neutral = (await list({ gender: "neutral" })).json.data.voices as { gender: string }[];
    expect(neutral.length).toBeGreaterThan(0);
    expect(neutral.every((v) => v.gender === "neutral")).toBe(true);
    const narrative = (await list({ category: "narrative", language: "fr" })).json.data.voices as { name: string }[];
    expect(narrative.map((v) => v.name)).toEqual(["Julien"]);
    expect((await list({ provider: "elevenlabs" })).json.data.voices).toEqual([]);
    expect(((await list({ search: "storytelling" })).json.data.voices as { name: string }[]).map((v) => v.name)).toEqual(["Giulia"]);
    // A sample keeps its link between reads (signed from the start of the hour).
    const [first, second] = [await list({ search: "Ava" }), await list({ search: "Ava" })];
    expect(first.json.data.voices[0].sample_url).toBe(second.json.data.voices[0].sample_url);
    const page = await list({ limit: "5", page: "2", sort: "name" });
    expect(page.json.data.voices).toHaveLength(5);
    expect(page.json.pagination).toMatchObject({ page: 2, has_prev: true });
  });

  it("shows the organization's own clones, never another organization's", async () => {
    const mine = await clone(a, "Our Receptionist");
    const theirs = await clone(b, "Their Secret Voice");
    const ids = ((await list({ limit: "100" })).json.data.voices as { id: string; owned: boolean }[]);
    expect(ids.find((v) => v.id === mine)?.owned).toBe(true);
    expect(ids.some((v) => v.id === theirs)).toBe(false);
  });

  it("rejects bad filters", async () => {
    expectError(await list({ gender: "robot" }), 400, "VALIDATION_002");
    expectError(await list({ language: "english!" }), 400, "VALIDATION_002");
    expectError(await list({ limit: "0" }), 400, "VALIDATION_003");
    expectError(await call(voicesRoute.GET, { path: "/api/voice/voices" }), 401, "AUTH_001");
  });
});

describe("GET/PUT/DELETE /api/voice/voices/{id}", () => {
  it("reads a catalogue voice and refuses another organization's clone as not found", async () => {
    expect((await get("voice_marcus")).json.data).toMatchObject({ id: "voice_marcus", gender: "male" });
    expectError(await get("voice_nope"), 404, "RESOURCE_001");
    expectError(await get(await clone(b, "Hidden")), 404, "RESOURCE_001");
  });

  it("edits own clones only, with validated settings", async () => {
    const id = await clone(a, "Front Desk");
    const renamed = await put(id, { name: "Front Desk (warm)", description: "For inbound", settings: { speed: 1.1, similarity_boost: 0.9 } });
    expect(renamed.status).toBe(200);
    // Defaults keep what the built-in engine honours.
    expect(renamed.json.data).toMatchObject({ name: "Front Desk (warm)", description: "For inbound", settings: { speed: 1.1 } });
    expect(renamed.json.data.settings).not.toHaveProperty("similarity_boost");
    const tooFast = await put(id, { settings: { speed: 9 } });
    expectError(tooFast, 400, "VALIDATION_003");
    expect(Object.keys(errorFields(tooFast))).toContain("settings.speed");
    expectError(await put(id, { settings: { loudness: 1 } }), 400, "VALIDATION_002");
    expectError(await put("voice_ava", { name: "Mine now" }), 409, "RESOURCE_003");
    expectError(await put(id, { name: "Agent edit" }, a.agent.token), 403, "AUTH_003");
    expectError(await put(await clone(b, "Theirs"), { name: "x" }), 404, "RESOURCE_001");
  });

  it("deletes an unused clone and refuses one a campaign speaks with, naming the campaign", async () => {
    const used = await clone(a, "Campaign Voice");
    // Through the campaigns API: a campaign may name a ready voice of its own library only.
    const createCampaign = (voiceId: string, name: string) =>
      call(campaignsRoute.POST, { method: "POST", path: "/api/campaigns", token: a.manager.token, body: { name, campaign_type: "outbound_sales", settings: { voice_id: voiceId } } });
    expect((await createCampaign(used, "Winter Promo")).status).toBe(201);
    const foreign = await createCampaign(await clone(b, "Elsewhere"), "Foreign Voice");
    expectError(foreign, 400, "VALIDATION_003");
    expect(Object.keys(errorFields(foreign))).toContain("settings.voice_id");
    expectError(await createCampaign(await clone(a, "Not Yet", "training"), "Training Voice"), 400, "VALIDATION_003");
    expect((await get(used)).json.data.in_use).toBe(true);
    const refused = expectError(await del(used), 409, "RESOURCE_003");
    expect(refused.message).toContain('campaign "Winter Promo"');
    expect(refused.details.used_by).toEqual([expect.objectContaining({ kind: "campaign", name: "Winter Promo" })]);
    const unused = await clone(a, "Spare");
    expect((await del(unused)).json.data).toEqual({ id: unused, deleted: true });
    expectError(await get(unused), 404, "RESOURCE_001");
    expectError(await del("voice_ava"), 409, "RESOURCE_003");
  });
});

describe("POST /api/voice/generate", () => {
  it("speaks the spec's example with a built-in voice and returns a playable, signed link", async () => {
    const reply = await generate({ text: "Hello, this is a test message", voice_id: "voice_ava", settings: { stability: 0.6, similarity_boost: 0.8 } });
    expect(reply.status).toBe(200);
    const data = reply.json.data;
    expect(data).toMatchObject({ characters_used: 29, cost: 0, format: "wav", cached: false, voice_id: "voice_ava", ignored_settings: ["similarity_boost"] });
    expect(data.audio_id).toMatch(/^audio_/);
    expect(data.audio_url).toMatch(/^http:\/\/localhost:3000\/api\/storage\/objects\/speech\/.+\?.*signature=/);
    const audio = await fetchLink(data.audio_url);
    expect(audio.status).toBe(200);
    const seconds = wavSeconds(audio.bytes);
    expect(seconds).toBeGreaterThan(1);
    expect(Math.abs(data.duration - seconds)).toBeLessThan(0.002);
    // Range requests work, as Twilio and browsers make them.
    const partial = await fetchLink(data.audio_url, { range: "bytes=0-43" });
    expect(partial.status).toBe(206);
    expect(partial.bytes.length).toBe(44);
    // A tampered link is refused.
    expect((await fetchLink(data.audio_url.replace(/signature=[^&]+/, "signature=AAAA"))).status).toBe(403);
  });

  it("returns the stored audio for the same request, and new audio when anything that shapes it changes", async () => {
    const body = { text: "Your appointment is confirmed for Tuesday.", voice_id: "voice_oliver" };
    const first = (await generate(body)).json.data;
    const again = (await generate({ ...body, settings: { similarity_boost: 0.1 } })).json.data;
    expect(again).toMatchObject({ audio_id: first.audio_id, cached: true, cost: 0, duration: first.duration });
    const faster = (await generate({ ...body, settings: { speed: 1.5 } })).json.data;
    expect(faster.audio_id).not.toBe(first.audio_id);
    expect(faster.duration).toBeLessThan(first.duration);
    const otherOrg = (await generate(body, b.manager.token)).json.data;
    expect(otherOrg.audio_id).not.toBe(first.audio_id);
    const prisma = await db();
    const usage = await prisma.voiceUsage.findMany({ where: { organizationId: a.org.id } });
    // Every synthesis so far in this organization counted once; cache hits not at all.
    const syntheses = await prisma.speechAudio.findMany({ where: { organizationId: a.org.id } });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ provider: "builtin", syntheses: syntheses.length });
    expect(Number(usage[0]!.characters)).toBe(syntheses.reduce((sum, s) => sum + s.characters, 0));
  });

  it("refuses bad input with clear errors", async () => {
    expectError(await generate({ text: "   ", voice_id: "voice_ava" }), 400, "VALIDATION_001");
    expectError(await generate({ voice_id: "voice_ava" }), 400, "VALIDATION_001");
    expectError(await generate({ text: "x".repeat(5001), voice_id: "voice_ava" }), 400, "VALIDATION_003");
    expect((await generate({ text: "é".repeat(5000), voice_id: "voice_ava" })).status).toBe(200);
    expectError(await generate({ text: "Hi", voice_id: "voice_nope" }), 404, "RESOURCE_001");
    expectError(await generate({ text: "Hi", voice_id: await clone(b, "Other") }), 404, "RESOURCE_001");
    expectError(await generate({ text: "Hi", voice_id: await clone(a, "Still Training", "training") }), 409, "RESOURCE_003");
    expectError(await generate({ text: "Hi", voice_id: "voice_ava", format: "mp3" }), 400, "VALIDATION_003");
    expectError(await generate({ text: "Hi", voice_id: "voice_ava", format: "ogg" }), 400, "VALIDATION_002");
    expectError(await generate({ text: "Hi", voice_id: "voice_ava", settings: { stability: 2 } }), 400, "VALIDATION_003");
    expectError(await generate({ text: "Hi", voice_id: "voice_ava", settings: { warmth: 1 } }), 400, "VALIDATION_002");
    expectError(await generate({ text: "Hi", voice_id: "voice_ava" }, a.agent.token), 403, "AUTH_003");
  });
});

describe("POST /api/voice/clone (built-in engine)", () => {
  const cloneForm = (audio: Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}, filename = "recording.wav", type = "audio/wav") =>
    call(cloneRoute.POST, {
      method: "POST",
      path: "/api/voice/clone",
      token: a.manager.token,
      form: { audio_file: { blob: new Blob([audio], { type }), filename }, voice_name: "My Voice", consent: "true", ...fields },
    });

  /** A WAV of `seconds` of 16-bit mono samples from `sample(t)`. */
  function wav(seconds: number, sample: (t: number) => number, rate = 16_000): Uint8Array<ArrayBuffer> {
    const count = Math.round(seconds * rate);
    const bytes = new Uint8Array(44 + count * 2);
    const view = new DataView(bytes.buffer);
    bytes.set(new TextEncoder().encode("RIFF"), 0);
    view.setUint32(4, 36 + count * 2, true);
    bytes.set(new TextEncoder().encode("WAVEfmt "), 8);
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, rate, true);
    view.setUint32(28, rate * 2, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    bytes.set(new TextEncoder().encode("data"), 36);
    view.setUint32(40, count * 2, true);
    for (let i = 0; i < count; i++) view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, sample(i / rate))) * 32767), true);
    return bytes;
  }

  it("measures a recording's pitch and pace and makes a ready voice that speaks", async () => {
    // Speech to clone: a low built-in voice reading a paragraph (several seconds).
    const spoken = await generate({
      text: "Good morning. I am calling from the service desk about the repair you booked last week. The engineer can visit on Thursday between nine and twelve. Does that still work for you?",
      voice_id: "voice_walter",
    });
    const recording = await fetchLink(spoken.json.data.audio_url);
    const started = await cloneForm(recording.bytes, { voice_name: "Service Desk", description: "Cloned from a test recording" });
    expect(started.status).toBe(202);
    expect(started.json.data).toMatchObject({ status: "training", provider: "builtin", voice_id: expect.stringMatching(/^voice_/) });
    expect(Date.parse(started.json.data.estimated_completion)).toBeGreaterThan(Date.now());
    const id = started.json.data.voice_id as string;
    expect((await get(id)).json.data).toMatchObject({ status: "training", sample_url: null, owned: true });
    expectError(await generate({ text: "Too early", voice_id: id }), 409, "RESOURCE_003");
    await runAllDueWork();
    const voice = (await get(id)).json.data;
    // Walter is a male variant at a low pitch: the clone is male, with a sample.
    expect(voice).toMatchObject({ status: "ready", gender: "male", failure_reason: null, name: "Service Desk" });
    const sample = await fetchLink(voice.sample_url);
    expect(wavSeconds(sample.bytes)).toBeGreaterThan(1);
    const prisma = await db();
    const row = await prisma.voice.findUniqueOrThrow({ where: { id } });
    const params = row.engineParams as { voice: string; variant: string; pitch: number; rate: number; measured: { median_pitch_hz: number } };
    expect(params.voice).toBe("en-us");
    expect(params.measured.median_pitch_hz).toBeGreaterThan(60);
    expect(params.measured.median_pitch_hz).toBeLessThan(165);
    expect((await generate({ text: "The clone speaks.", voice_id: id })).status).toBe(200);
    // The upload is gone once trained; the audit log keeps the consent.
    const audit = await prisma.auditLog.findFirst({ where: { organizationId: a.org.id, action: "voice.clone_requested", targetId: id } });
    expect(audit?.metadata).toMatchObject({ consent: true, file_name: "recording.wav" });
  });

  it("fails silence and too little speech with the reason", async () => {
    const silent = await cloneForm(wav(5, () => 0), { voice_name: "Silent" });
    const short = await cloneForm(wav(1.2, (t) => 0.4 * Math.sin(2 * Math.PI * 140 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t))), { voice_name: "Short" });
    await runAllDueWork();
    const silentVoice = (await get(silent.json.data.voice_id)).json.data;
    expect(silentVoice.status).toBe("failed");
    expect(silentVoice.failure_reason).toMatch(/silen/i);
    const shortVoice = (await get(short.json.data.voice_id)).json.data;
    expect(shortVoice.status).toBe("failed");
    expect(shortVoice.failure_reason).toMatch(/speech/i);
  });

  it("deleting a clone before it trained removes its recording, and the job then does nothing", async () => {
    const started = await cloneForm(wav(4, (t) => 0.3 * Math.sin(2 * Math.PI * 150 * t)), { voice_name: "Changed My Mind" });
    const id = started.json.data.voice_id as string;
    const store = await objectStore();
    expect(await store.head(cloneUploadKey(id))).not.toBeNull();
    expect((await del(id)).json.data).toEqual({ id, deleted: true });
    expect(await store.head(cloneUploadKey(id))).toBeNull();
    await runAllDueWork();
    const prisma = await db();
    expect(await prisma.voice.count({ where: { id } })).toBe(0);
  });

  it("refuses what is not a clone request", async () => {
    expectError(await cloneForm(new TextEncoder().encode("this is plain text, not audio at all"), {}, "notes.wav"), 400, "VALIDATION_002");
    const noConsent = await call(cloneRoute.POST, {
      method: "POST",
      path: "/api/voice/clone",
      token: a.manager.token,
      form: { audio_file: { blob: new Blob([wav(4, () => 0)], { type: "audio/wav" }), filename: "a.wav" }, voice_name: "No Consent" },
    });
    expectError(noConsent, 400, "VALIDATION_001");
    expect(Object.keys(errorFields(noConsent))).toContain("consent");
    const noFile = await call(cloneRoute.POST, { method: "POST", path: "/api/voice/clone", token: a.manager.token, form: { voice_name: "No File", consent: "true" } });
    expectError(noFile, 400, "VALIDATION_001");
    expectError(await cloneForm(wav(4, () => 0), { voice_name: "" }), 400, "VALIDATION_003");
    expectError(await cloneForm(new Uint8Array(20 * 1024 * 1024)), 413, "REQUEST_002");
    const agent = await call(cloneRoute.POST, {
      method: "POST",
      path: "/api/voice/clone",
      token: a.agent.token,
      form: { audio_file: { blob: new Blob([wav(4, () => 0)], { type: "audio/wav" }), filename: "a.wav" }, voice_name: "Agent", consent: "true" },
    });
    expectError(agent, 403, "AUTH_003");
    const prisma = await db();
    expect(await prisma.voice.count({ where: { organizationId: a.org.id, name: { in: ["No Consent", "No File", "Agent", ""] } } })).toBe(0);
  });
});
