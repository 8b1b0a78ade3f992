// The Voice Service with ElevenLabs configured, through the route handlers and the real ElevenLabs
// code, against a local server speaking ElevenLabs' HTTP API (lib/testing/elevenlabs-fixture.ts):
// the synced catalogue, synthesis in mp3 and wav with cost and cache, its errors and rate limits (with
// the built-in voices still working), and an instant clone trained by the job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as voicesRoute from "@/app/api/voice/voices/route";
import * as voiceRoute from "@/app/api/voice/voices/[voice_id]/route";
import * as generateRoute from "@/app/api/voice/generate/route";
import * as cloneRoute from "@/app/api/voice/clone/route";
import { call, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { runAllDueWork } from "@/lib/testing/jobs";
import { SECONDS_PER_CHARACTER, startElevenLabsFixture } from "@/lib/testing/elevenlabs-fixture";
import { db } from "@/lib/db/client";

type Org = Awaited<ReturnType<typeof createOrg>>;
let a: Org;
let fixture: Awaited<ReturnType<typeof startElevenLabsFixture>>;
const saved = { key: process.env.ELEVENLABS_API_KEY, url: process.env.ELEVENLABS_BASE_URL };

beforeAll(async () => {
  fixture = await startElevenLabsFixture();
  process.env.ELEVENLABS_API_KEY = fixture.apiKey;
  process.env.ELEVENLABS_BASE_URL = fixture.url;
  a = await createOrg();
});

afterAll(async () => {
  process.env.ELEVENLABS_API_KEY = saved.key;
  process.env.ELEVENLABS_BASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.ELEVENLABS_API_KEY;
  if (saved.url === undefined) delete process.env.ELEVENLABS_BASE_URL;
  await fixture.close();
});

const list = (query: Record<string, string> = {}) => call(voicesRoute.GET, { path: "/api/voice/voices", token: a.agent.token, query });
const generate = (body: unknown) => call(generateRoute.POST, { method: "POST", path: "/api/voice/generate", token: a.manager.token, body });

describe("ElevenLabs voices", () => {
  it("syncs the account's voices into the library beside the built-in ones", async () => {
    const voices = (await list({ provider: "elevenlabs", limit: "100" })).json.data.voices as Record<string, unknown>[];
    expect(voices.map((v) => v.name).sort()).toEqual(["George", "Jessica", "Lucía", "Rachel", "Sky"]);
    expect(voices.find((v) => v.name === "George")).toMatchObject({
      id: "voice_el_JBFqnCBsd6RMkjVDRZzb",
      provider: "elevenlabs",
      language: "en-GB",
      gender: "male",
      status: "ready",
      owned: false,
      sample_url: `${fixture.url}/previews/JBFqnCBsd6RMkjVDRZzb.mp3`,
    });
    const all = (await list({ limit: "100" })).json.data.voices as { provider: string }[];
    expect(all.some((v) => v.provider === "builtin")).toBe(true);
  });

  it("speaks mp3 by default and wav on request, priced per character, measured from the audio", async () => {
    const text = "Thanks for taking my call today.";
    const mp3 = await generate({ text, voice_id: "voice_el_cgSgspJ2msm6clMCkdW9", settings: { stability: 0.4, speed: 1.2, pitch: 1.2 } });
    expect(mp3.status).toBe(200);
    // The fixture speaks SECONDS_PER_CHARACTER per character at speed 1, shortened by the speed.
    const expected = (text.length * SECONDS_PER_CHARACTER) / 1.2;
    expect(mp3.json.data).toMatchObject({ format: "mp3", cached: false, characters_used: 32, cost: 0.0016, ignored_settings: ["pitch"] });
    // MP3 durations come in whole frames (1152 samples at 44.1 kHz = 26 ms).
    expect(Math.abs(mp3.json.data.duration - expected)).toBeLessThan(0.03);
    const sent = fixture.requests.filter((r) => r.path.startsWith("/v1/text-to-speech/")).at(-1)!;
    expect(sent.query.output_format).toBe("mp3_44100_128");
    expect(sent.json).toMatchObject({ text, model_id: "eleven_flash_v2_5", voice_settings: { stability: 0.4, similarity_boost: 0.75, speed: 1.2 } });
    const again = await generate({ text, voice_id: "voice_el_cgSgspJ2msm6clMCkdW9", settings: { stability: 0.4, speed: 1.2 } });
    expect(again.json.data).toMatchObject({ audio_id: mp3.json.data.audio_id, cached: true, cost: 0 });
    const wav = await generate({ text, voice_id: "voice_el_cgSgspJ2msm6clMCkdW9", format: "wav" });
    expect(wav.json.data.format).toBe("wav");
    expect(wav.json.data.duration).toBeCloseTo(text.length * SECONDS_PER_CHARACTER, 2);
    const prisma = await db();
    const usage = await prisma.voiceUsage.findMany({ where: { organizationId: a.org.id, provider: "elevenlabs" } });
    expect(usage[0]).toMatchObject({ syntheses: 2 });
    expect(Number(usage[0]!.cost)).toBeCloseTo(0.0032, 6);
  });

  it("keeps ElevenLabs' own limits: speed outside 0.7–1.2 is refused before any request", async () => {
    const before = fixture.requests.length;
    expectError(await generate({ text: "Hi", voice_id: "voice_el_cgSgspJ2msm6clMCkdW9", settings: { speed: 1.5 } }), 400, "VALIDATION_003");
    expect(fixture.requests.length).toBe(before);
  });

  it("reports an outage and a rate limit with ElevenLabs' reason, while built-in voices keep working", async () => {
    fixture.setFailure(500);
    const outage = await generate({ text: "Outage test one", voice_id: "voice_el_21m00Tcm4TlvDq8ikWAM" });
    const error = expectError(outage, 503, "SERVICE_001");
    expect(error.message).toMatch(/elevenlabs/i);
    fixture.setFailure(429);
    expectError(await generate({ text: "Rate limit test", voice_id: "voice_el_21m00Tcm4TlvDq8ikWAM" }), 429, "SERVICE_002");
    fixture.setFailure(401);
    expectError(await generate({ text: "Bad key test", voice_id: "voice_el_21m00Tcm4TlvDq8ikWAM" }), 503, "SERVICE_001");
    expect((await generate({ text: "Built-in still speaks", voice_id: "voice_ava" })).status).toBe(200);
    // Nothing was stored or billed for the failures.
    const prisma = await db();
    expect(await prisma.speechAudio.count({ where: { organizationId: a.org.id, voiceId: "voice_el_21m00Tcm4TlvDq8ikWAM" } })).toBe(0);
  });

  it("clones through ElevenLabs' voices API: 202 training, then ready with ElevenLabs' voice id", async () => {
    const wav = new Uint8Array(await (await fetch(`${fixture.url}/previews/21m00Tcm4TlvDq8ikWAM.mp3`)).arrayBuffer());
    const started = await call(cloneRoute.POST, {
      method: "POST",
      path: "/api/voice/clone",
      token: a.manager.token,
      form: { audio_file: { blob: new Blob([wav], { type: "audio/mpeg" }), filename: "me.mp3" }, voice_name: "Sales Lead Voice", description: "Our top closer", consent: "true" },
    });
    expect(started.status).toBe(202);
    expect(started.json.data).toMatchObject({ status: "training", provider: "elevenlabs", voice_id: expect.stringMatching(/^voice_/) });
    const id = started.json.data.voice_id as string;
    await runAllDueWork();
    const added = fixture.requests.find((r) => r.path === "/v1/voices/add")!;
    expect(added.form!.fields).toMatchObject({ name: ["Sales Lead Voice"], description: ["Our top closer"] });
    expect(added.form!.files[0]).toMatchObject({ field: "files", contentType: "audio/mpeg" });
    const voice = (await call(voiceRoute.GET, { path: `/api/voice/voices/${id}`, params: { voice_id: id }, token: a.agent.token })).json.data;
    expect(voice).toMatchObject({ status: "ready", provider: "elevenlabs", owned: true, failure_reason: null });
    expect(voice.sample_url).toMatch(/\/api\/storage\/objects\/voices\/samples\//);
    const prisma = await db();
    const row = await prisma.voice.findUniqueOrThrow({ where: { id } });
    expect(row.providerVoiceId).toBe([...fixture.voices.values()].at(-1)!.voice_id);
    // The clone speaks with the voice ElevenLabs made.
    expect((await generate({ text: "Cloned voice test", voice_id: id })).status).toBe(200);
    expect(fixture.requests.at(-1)!.path).toBe(`/v1/text-to-speech/${row.providerVoiceId}`);
  });
});
