// A local server that speaks ElevenLabs' HTTP API, so the real client (lib/voice/elevenlabs/client.ts)
// runs in tests: point ELEVENLABS_BASE_URL at `url` and ELEVENLABS_API_KEY at `apiKey`.
//   GET  /v1/voices                          → {voices: [...]} with labels, verified_languages, preview_url
//   POST /v1/text-to-speech/{voice_id}?output_format=…   JSON {text, model_id, voice_settings}
//        mp3_<rate>_<kbps> → real MPEG Layer III frames (silent), pcm_<rate> → raw 16-bit mono PCM
//   POST /v1/voices/add                      multipart: name, description, labels (JSON), files → {voice_id, requires_verification}
//   GET  /previews/<voice_id>.mp3            the preview_url of every voice (public, like ElevenLabs' CDN)
// Auth is the `xi-api-key` header (401 {detail: {status: "invalid_api_key"}} otherwise). Errors follow the
// real API: {detail: {status, message}} (404 voice_not_found, 400 max_character_limit_exceeded, 429
// too_many_concurrent_requests / system_busy) and FastAPI's 422 {detail: [{type, loc, msg, input}]} for
// request validation (voice_settings ranges, missing fields, unknown output_format).
//
// Speech is deterministic: a text lasts text.length × SECONDS_PER_CHARACTER / speed seconds; MP3 is
// ceil(seconds × rate / samples-per-frame) unpadded frames, PCM round(seconds × rate) samples.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const SECONDS_PER_CHARACTER = 0.06;

export type FixtureVoice = {
  voice_id: string;
  name: string;
  category: string;
  description: string | null;
  labels: Record<string, string>;
  verified_languages: { language: string; model_id: string; accent: string | null; locale: string | null; preview_url: string | null }[];
  preview?: boolean;
};

export type RecordedFile = { field: string; filename: string; contentType: string; bytes: Buffer };
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  json?: unknown;
  form?: { fields: Record<string, string[]>; files: RecordedFile[] };
  /** The status answered (0 while a "hang" failure holds the request). */
  status: number;
  contentType?: string;
  responseBytes: number;
};

/** What setFailure makes the next requests answer instead of their real reply. */
export type ElevenLabsFailure = 401 | 422 | 429 | "system_busy" | 500 | 503 | "hang";

export const DEFAULT_VOICES: FixtureVoice[] = [
  {
    voice_id: "21m00Tcm4TlvDq8ikWAM",
    name: "Rachel",
    category: "premade",
    description: null,
    labels: { accent: "american", description: "calm", age: "young", gender: "female", use_case: "narration" },
    verified_languages: [],
  },
  {
    voice_id: "JBFqnCBsd6RMkjVDRZzb",
    name: "George",
    category: "premade",
    description: "Warm resonance that instantly captivates listeners.",
    labels: { accent: "british", descriptive: "mature", age: "middle_aged", gender: "male", language: "en", use_case: "narrative_story" },
    verified_languages: [
      { language: "en", model_id: "eleven_multilingual_v2", accent: "british", locale: "en-GB", preview_url: null },
      { language: "en", model_id: "eleven_flash_v2_5", accent: "british", locale: "en-GB", preview_url: null },
    ],
  },
  {
    voice_id: "cgSgspJ2msm6clMCkdW9",
    name: "Jessica",
    category: "premade",
    description: "Young and popular, this playful American female voice is perfect for trendy content.",
    labels: { accent: "american", descriptive: "playful", age: "young", gender: "female", language: "en", use_case: "conversational" },
    verified_languages: [{ language: "en", model_id: "eleven_flash_v2_5", accent: "american", locale: "en-US", preview_url: null }],
  },
  {
    voice_id: "gD1IexrzCvsXPHUuT0s3",
    name: "Lucía",
    category: "professional",
    description: "Clear Castilian Spanish for explainers.",
    labels: { accent: "castilian", gender: "female", language: "es", use_case: "informative_educational" },
    verified_languages: [],
  },
  {
    voice_id: "nPczCjzI2devNBz1zQrb",
    name: "Sky",
    category: "generated",
    description: "",
    labels: { gender: "non-binary", language: "fr" },
    verified_languages: [],
  },
];

const MODELS: Record<string, number> = {
  eleven_flash_v2_5: 40_000,
  eleven_turbo_v2_5: 40_000,
  eleven_flash_v2: 30_000,
  eleven_turbo_v2: 30_000,
  eleven_multilingual_v2: 10_000,
  eleven_v3: 5_000,
};
const OUTPUT_FORMATS = [
  "mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192",
  "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_32000", "pcm_44100", "pcm_48000",
  "ulaw_8000", "alaw_8000", "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192",
  "wav_8000", "wav_16000", "wav_22050", "wav_24000", "wav_32000", "wav_44100", "wav_48000",
];

// MPEG audio: version bits (3 = MPEG-1, 2 = MPEG-2), sample-rate index, bitrates per version.
const MPEG_RATES: Record<number, { version: 3 | 2; index: number }> = {
  44100: { version: 3, index: 0 }, 48000: { version: 3, index: 1 }, 32000: { version: 3, index: 2 },
  22050: { version: 2, index: 0 }, 24000: { version: 2, index: 1 }, 16000: { version: 2, index: 2 },
};
const BITRATES = { 3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], 2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160] };

/** `count` silent MPEG Layer III mono frames (a valid header, zeroed side info and main data). */
export function mp3Frames(sampleRate: number, kbps: number, count: number): Buffer {
  const mpeg = MPEG_RATES[sampleRate];
  const bitrateIndex = mpeg ? BITRATES[mpeg.version].indexOf(kbps) : -1;
  if (!mpeg || bitrateIndex <= 0) throw new Error(`No MPEG Layer III frame for ${sampleRate} Hz at ${kbps} kbps`);
  const samplesPerFrame = mpeg.version === 3 ? 1152 : 576;
  const length = Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate);
  const frame = Buffer.alloc(length);
  frame[0] = 0xff;
  frame[1] = 0xe0 | (mpeg.version << 3) | (0b01 << 1) | 1; // sync, version, Layer III, no CRC
  frame[2] = (bitrateIndex << 4) | (mpeg.index << 2); // no padding
  frame[3] = 0xc0; // mono
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/** 16-bit little-endian mono PCM: a quiet 220 Hz tone. */
export function pcmSamples(sampleRate: number, count: number): Buffer {
  const out = Buffer.alloc(count * 2);
  for (let i = 0; i < count; i++) out.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), i * 2);
  return out;
}

type Issue = { type: string; loc: (string | number)[]; msg: string; input: unknown; ctx?: Record<string, unknown> };

const SETTING_RANGES: Record<string, [number, number]> = { stability: [0, 1], similarity_boost: [0, 1], style: [0, 1], speed: [0.7, 1.2] };

function voiceSettingsIssues(settings: unknown): Issue[] {
  if (settings === undefined || settings === null) return [];
  if (typeof settings !== "object" || Array.isArray(settings)) {
    return [{ type: "model_attributes_type", loc: ["body", "voice_settings"], msg: "Input should be a valid dictionary or object to extract fields from", input: settings }];
  }
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    const loc = ["body", "voice_settings", key];
    if (key === "use_speaker_boost") {
      if (value !== null && typeof value !== "boolean") issues.push({ type: "bool_type", loc, msg: "Input should be a valid boolean", input: value });
      continue;
    }
    const range = SETTING_RANGES[key];
    if (!range || value === null) continue; // unknown keys are ignored, as pydantic does
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push({ type: "float_type", loc, msg: "Input should be a valid number", input: value });
    } else if (value < range[0]) {
      issues.push({ type: "greater_than_equal", loc, msg: `Input should be greater than or equal to ${range[0]}`, input: value, ctx: { ge: range[0] } });
    } else if (value > range[1]) {
      issues.push({ type: "less_than_equal", loc, msg: `Input should be less than or equal to ${range[1]}`, input: value, ctx: { le: range[1] } });
    }
  }
  return issues;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

export async function startElevenLabsFixture(options: { apiKey?: string; voices?: FixtureVoice[] } = {}) {
  const apiKey = options.apiKey ?? "sk_fixture_0123456789abcdef0123456789abcdef";
  const voices = new Map((options.voices ?? DEFAULT_VOICES).map((v) => [v.voice_id, { ...v, preview: v.preview ?? true }]));
  const requests: RecordedRequest[] = [];
  let failure: { kind: ElevenLabsFailure; remaining: number; body?: unknown } | null = null;
  let clones = 0;
  let base = "";

  const describe = (v: FixtureVoice) => ({
    voice_id: v.voice_id,
    name: v.name,
    samples: null,
    category: v.category,
    fine_tuning: { is_allowed_to_fine_tune: true, state: {}, verification_failures: [], verification_attempts_count: 0, manual_verification_requested: false },
    labels: v.labels,
    description: v.description,
    preview_url: v.preview ? `${base}/previews/${v.voice_id}.mp3` : null,
    available_for_tiers: [],
    settings: null,
    sharing: null,
    high_quality_base_model_ids: ["eleven_flash_v2_5", "eleven_multilingual_v2"],
    verified_languages: v.verified_languages,
    safety_control: null,
    voice_verification: { requires_verification: false, is_verified: false, verification_failures: [], verification_attempts_count: 0, language: null, verification_attempts: null },
    permission_on_resource: v.category === "cloned" ? "admin" : null,
    is_owner: v.category === "cloned",
    is_legacy: false,
    is_mixed: false,
    created_at_unix: null,
  });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      status: 0,
      responseBytes: 0,
    };
    const reply = (status: number, body: Buffer | string | object, contentType = "application/json") => {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
      record.status = status;
      record.contentType = contentType;
      record.responseBytes = bytes.length;
      res.writeHead(status, { "content-type": contentType, "content-length": bytes.length });
      res.end(bytes);
    };
    const detail = (status: number, code: string, message: string) => reply(status, { detail: { status: code, message } });
    const invalid = (issues: Issue[]) => reply(422, { detail: issues });

    try {
      const raw = await readBody(req);
      if (url.pathname.startsWith("/previews/") && req.method === "GET") {
        const voice = voices.get(decodeURIComponent(url.pathname.slice("/previews/".length).replace(/\.mp3$/, "")));
        return voice ? reply(200, mp3Frames(44100, 128, 10), "audio/mpeg") : reply(404, "Not Found", "text/plain");
      }
      requests.push(record);
      const contentType = String(req.headers["content-type"] ?? "");
      if (contentType.startsWith("application/json") && raw.length) {
        try {
          record.json = JSON.parse(raw.toString("utf8"));
        } catch {
          return invalid([{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error", input: {} }]);
        }
      }
      if (contentType.startsWith("multipart/form-data")) {
        const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
        record.form = { fields: {}, files: [] };
        for (const [field, value] of form) {
          if (typeof value === "string") (record.form.fields[field] ??= []).push(value);
          else record.form.files.push({ field, filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
        }
      }

      if (failure && failure.remaining > 0) {
        failure.remaining -= 1;
        const { kind, body } = failure;
        if (failure.remaining === 0) failure = null;
        if (kind === "hang") return; // never answers; close() drops the connection
        if (body !== undefined) return reply(kind === "system_busy" ? 429 : kind, body as object);
        if (kind === 401) return detail(401, "invalid_api_key", "Invalid API key");
        if (kind === 422) return invalid([{ type: "missing", loc: ["body", "text"], msg: "Field required", input: {} }]);
        if (kind === 429) {
          return detail(429, "too_many_concurrent_requests", "Too many concurrent requests. Your current subscription is associated with a maximum of 2 concurrent requests running in parallel.");
        }
        if (kind === "system_busy") return detail(429, "system_busy", "We are experiencing a high volume of requests. Please try again shortly.");
        if (kind === 500) return reply(500, "Internal Server Error", "text/plain; charset=utf-8");
        return reply(503, "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>", "text/html");
      }

      const key = req.headers["xi-api-key"];
      if (!key) return detail(401, "needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.");
      if (key !== apiKey) return detail(401, "invalid_api_key", "Invalid API key");

      if (req.method === "GET" && url.pathname === "/v1/voices") {
        return reply(200, { voices: [...voices.values()].map(describe) });
      }

      const speech = /^\/v1\/text-to-speech\/([^/]+)$/.exec(url.pathname);
      if (req.method === "POST" && speech) {
        const voiceId = decodeURIComponent(speech[1]!);
        const outputFormat = url.searchParams.get("output_format") ?? "mp3_44100_128";
        if (!OUTPUT_FORMATS.includes(outputFormat)) {
          return invalid([{ type: "enum", loc: ["query", "output_format"], msg: `Input should be ${OUTPUT_FORMATS.map((f) => `'${f}'`).join(", ")}`, input: outputFormat }]);
        }
        const body = (record.json ?? {}) as { text?: unknown; model_id?: unknown; voice_settings?: unknown };
        const issues: Issue[] = [];
        if (body.text === undefined) issues.push({ type: "missing", loc: ["body", "text"], msg: "Field required", input: body });
        else if (typeof body.text !== "string") issues.push({ type: "string_type", loc: ["body", "text"], msg: "Input should be a valid string", input: body.text });
        issues.push(...voiceSettingsIssues(body.voice_settings));
        if (issues.length) return invalid(issues);
        const text = body.text as string;
        const model = typeof body.model_id === "string" ? body.model_id : "eleven_multilingual_v2";
        const limit = MODELS[model];
        if (limit === undefined) return detail(400, "model_not_found", `A model with model ID ${model} does not exist.`);
        if (!voices.has(voiceId)) return detail(404, "voice_not_found", `A voice with the voice_id ${voiceId} was not found.`);
        if (!text.trim()) return detail(400, "invalid_text", "The text is empty.");
        if (text.length > limit) {
          return detail(400, "max_character_limit_exceeded", `This request's text has ${text.length} characters and exceeds the character limit of ${limit} characters.`);
        }
        const speed = (body.voice_settings as { speed?: number } | undefined)?.speed ?? 1;
        const seconds = (text.length * SECONDS_PER_CHARACTER) / speed;
        const [codec, rate, kbps] = outputFormat.split("_");
        if (codec === "mp3") {
          const samplesPerFrame = Number(rate) >= 32000 ? 1152 : 576;
          return reply(200, mp3Frames(Number(rate), Number(kbps), Math.ceil((seconds * Number(rate)) / samplesPerFrame)), "audio/mpeg");
        }
        if (codec === "pcm") return reply(200, pcmSamples(Number(rate), Math.round(seconds * Number(rate))), "audio/pcm");
        return detail(400, "unsupported_by_fixture", `The fixture does not produce ${outputFormat}.`);
      }

      if (req.method === "POST" && url.pathname === "/v1/voices/add") {
        const fields = record.form?.fields ?? {};
        const files = (record.form?.files ?? []).filter((f) => f.field === "files");
        const issues: Issue[] = [];
        if (!fields.name?.[0]?.trim()) issues.push({ type: "missing", loc: ["body", "name"], msg: "Field required", input: null });
        if (!files.length) issues.push({ type: "missing", loc: ["body", "files"], msg: "Field required", input: null });
        let labels: Record<string, string> = {};
        if (fields.labels?.[0]) {
          try {
            labels = JSON.parse(fields.labels[0]) as Record<string, string>;
          } catch {
            issues.push({ type: "json_invalid", loc: ["body", "labels"], msg: "Invalid JSON", input: fields.labels[0] });
          }
        }
        if (issues.length) return invalid(issues);
        if (files.some((f) => f.bytes.length === 0)) return detail(400, "invalid_audio_file", "One of the uploaded files is empty.");
        clones += 1;
        const voiceId = `IVC${String(clones).padStart(17, "0")}`;
        voices.set(voiceId, {
          voice_id: voiceId,
          name: fields.name![0]!.trim(),
          category: "cloned",
          description: fields.description?.[0] ?? null,
          labels,
          verified_languages: [],
          preview: false,
        });
        return reply(200, { voice_id: voiceId, requires_verification: false });
      }

      reply(404, { detail: "Not Found" });
    } catch (error) {
      reply(500, { detail: { status: "fixture_error", message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiKey,
    requests,
    voices,
    /** The next `times` API requests answer `kind` (with `body` instead of the real API's, if given). */
    setFailure(kind: ElevenLabsFailure, times = 1, body?: unknown) {
      failure = { kind, remaining: times, body };
    },
    clearFailure() {
      failure = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ElevenLabsFixture = Awaited<ReturnType<typeof startElevenLabsFixture>>;
