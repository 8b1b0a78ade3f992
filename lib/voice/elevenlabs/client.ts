import "server-only";
// The HTTP layer for ElevenLabs, with fetch (the official SDK is 108 MB unpacked for the three calls we
// make). Every call has a timeout, and every failure — an HTTP error, a timeout, an unreachable host, an
// answer we cannot read — becomes an ElevenLabsError (a SpeechProviderError) with the provider's reason,
// its `detail.status` code and the HTTP status. No retries here: a 429 or 5xx is the caller's to retry.
//
//   GET  /v1/voices                                   → {voices: [...]}   (the account's voices, one page)
//   POST /v1/text-to-speech/{voice_id}?output_format= → audio bytes      (JSON: text, model_id, voice_settings)
//   POST /v1/voices/add                               → {voice_id, requires_verification}  (multipart)
//
// Errors arrive as {detail: {status, message}} (401 invalid_api_key, 404 voice_not_found, 429
// too_many_concurrent_requests / system_busy, …) or, for request validation, FastAPI's 422
// {detail: [{loc, msg, type}]}; a 5xx from the edge may not be JSON at all.
import { z } from "zod";
import { SpeechProviderError, type AudioFormat } from "@/lib/voice/provider";
import type { VoiceSettings } from "@/lib/voice/settings";
import { writeWav } from "@/lib/voice/wav";
import { elevenLabsEnvironment, type ElevenLabsConfig } from "@/lib/voice/elevenlabs/config";

/** An ElevenLabs failure. `status` is the HTTP status (undefined for a timeout or network failure). */
export class ElevenLabsError extends SpeechProviderError {
  constructor(
    /** The provider's reason, without the "ElevenLabs:" prefix of `message`. */
    readonly reason: string,
    status: number | undefined,
    /** ElevenLabs' `detail.status` (invalid_api_key, too_many_concurrent_requests, system_busy, voice_not_found…), or ours: timeout, network, validation_error, unreadable_response, not_configured. */
    readonly code: string | undefined,
  ) {
    super("elevenlabs", `ElevenLabs: ${reason}`, status);
    this.name = "ElevenLabsError";
  }

  /** 429: too many concurrent requests for the plan, or ElevenLabs is busy (code tells which). */
  get rateLimited(): boolean {
    return this.status === 429;
  }
}

/** Per-call settings; each defaults to the environment's (lib/voice/elevenlabs/config.ts). */
export type ElevenLabsOptions = Partial<ElevenLabsConfig>;

// Default timeouts: a listing and a synthesis answer in seconds; a clone uploads minutes of audio.
const TIMEOUTS = { list: 15_000, speech: 30_000, clone: 120_000 } as const;

function connection(options: ElevenLabsOptions | undefined, kind: keyof typeof TIMEOUTS) {
  const fromEnv = elevenLabsEnvironment();
  const apiKey = options?.apiKey ?? fromEnv.apiKey;
  if (!apiKey) throw new ElevenLabsError("not configured: ELEVENLABS_API_KEY is not set", undefined, "not_configured");
  return {
    apiKey,
    baseUrl: (options?.baseUrl ?? fromEnv.baseUrl).replace(/\/+$/, ""),
    model: options?.model ?? fromEnv.model,
    timeoutMs: options?.timeoutMs ?? fromEnv.timeoutMs ?? TIMEOUTS[kind],
  };
}

// ---------------------------------------------------------------------------------------------------
// Requests and errors

const errorBody = z.object({
  detail: z.union([
    z.object({ status: z.string().optional(), message: z.string().optional() }).loose(),
    z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string().optional(), type: z.string().optional() }).loose()),
    z.string(),
  ]),
});

/** The reason and code an error response gives, whatever its shape. */
function describeError(status: number, statusText: string, text: string): { reason: string; code: string | undefined } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = errorBody.safeParse(json);
  if (parsed.success) {
    const { detail } = parsed.data;
    if (typeof detail === "string") return { reason: detail, code: undefined };
    if (Array.isArray(detail)) {
      const parts = detail.map((issue) => {
        // FastAPI's loc starts with where the value was: "body", "query", "path".
        const loc = (issue.loc ?? []).filter((part, i) => !(i === 0 && ["body", "query", "path", "header"].includes(String(part)))).join(".");
        return loc ? `${loc}: ${issue.msg ?? issue.type ?? "invalid"}` : (issue.msg ?? issue.type ?? "invalid");
      });
      return { reason: parts.join("; ") || `HTTP ${status} ${statusText}`.trim(), code: "validation_error" };
    }
    const message = detail.message ?? detail.status ?? `HTTP ${status} ${statusText}`.trim();
    return { reason: detail.status && detail.message ? `${detail.message} (${detail.status})` : message, code: detail.status };
  }
  return { reason: `HTTP ${status}${statusText ? ` ${statusText}` : ""}`, code: undefined };
}

/** One request with its timeout; the response when it is a success, an ElevenLabsError otherwise. */
async function request(
  conn: ReturnType<typeof connection>,
  method: "GET" | "POST",
  path: string,
  init: { query?: Record<string, string>; json?: unknown; form?: FormData; accept?: string } = {},
): Promise<{ response: Response; body: Buffer }> {
  const url = new URL(`${conn.baseUrl}${path}`);
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { "xi-api-key": conn.apiKey, accept: init.accept ?? "application/json" };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const signal = AbortSignal.timeout(conn.timeoutMs);
  let response: Response;
  let body: Buffer;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
      signal,
      cache: "no-store",
    });
    // The signal covers the body too: a server that stalls mid-answer times out the same way.
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (signal.aborted || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))) {
      throw new ElevenLabsError(`no answer within ${conn.timeoutMs / 1000} s (${method} ${path})`, undefined, "timeout");
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new ElevenLabsError(`could not be reached (${cause})`, undefined, "network");
  }
  if (!response.ok) {
    const { reason, code } = describeError(response.status, response.statusText, body.toString("utf8"));
    throw new ElevenLabsError(reason, response.status, code);
  }
  return { response, body };
}

function parseJson<T>(body: Buffer, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ElevenLabsError(`${what} is not JSON`, undefined, "unreadable_response");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ElevenLabsError(`${what} has an unexpected shape (${parsed.error.issues[0]?.path.join(".") || "root"}: ${parsed.error.issues[0]?.message})`, undefined, "unreadable_response");
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------
// Voices

const voiceSchema = z
  .object({
    voice_id: z.string().min(1),
    name: z.string().nullish(),
    category: z.string().nullish(),
    description: z.string().nullish(),
    preview_url: z.string().nullish(),
    labels: z.record(z.string(), z.string().nullish()).nullish(),
    verified_languages: z
      .array(z.object({ language: z.string().nullish(), model_id: z.string().nullish(), accent: z.string().nullish(), locale: z.string().nullish() }).loose())
      .nullish(),
  })
  .loose();
type RawVoice = z.infer<typeof voiceSchema>;

export type ElevenLabsVoice = {
  provider_voice_id: string;
  name: string;
  description: string | null;
  /** BCP 47, best effort (see voiceLanguage). */
  language: string;
  gender: "female" | "male" | "neutral";
  category: "professional" | "conversational" | "narrative";
  preview_url: string | null;
  /** ElevenLabs' own category: premade, cloned, generated, professional, famous, high_quality. */
  provider_category: string | null;
};

// Accent labels ElevenLabs uses, onto the language they imply and a region subtag.
const ACCENTS: Record<string, [language: string, region: string]> = {
  american: ["en", "US"], us: ["en", "US"], "us southern": ["en", "US"], southern: ["en", "US"], british: ["en", "GB"],
  english: ["en", "GB"], uk: ["en", "GB"], scottish: ["en", "GB"], welsh: ["en", "GB"], "british-essex": ["en", "GB"],
  australian: ["en", "AU"], irish: ["en", "IE"], canadian: ["en", "CA"], indian: ["en", "IN"], "south african": ["en", "ZA"],
  "new zealand": ["en", "NZ"], mexican: ["es", "MX"], "latin american": ["es", "MX"], argentine: ["es", "AR"],
  colombian: ["es", "CO"], castilian: ["es", "ES"], spanish: ["es", "ES"], peninsular: ["es", "ES"], brazilian: ["pt", "BR"],
  portuguese: ["pt", "PT"], parisian: ["fr", "FR"], french: ["fr", "FR"], "canadian french": ["fr", "CA"], quebecois: ["fr", "CA"],
  german: ["de", "DE"], austrian: ["de", "AT"], swiss: ["de", "CH"],
};
// A region when the voice names none: the language's most common one for phone campaigns.
const DEFAULT_REGIONS: Record<string, string> = {
  en: "US", es: "ES", fr: "FR", de: "DE", it: "IT", pt: "BR", nl: "NL", pl: "PL", sv: "SE", da: "DK", fi: "FI", no: "NO", nb: "NO",
  ja: "JP", zh: "CN", ko: "KR", hi: "IN", ar: "SA", ru: "RU", tr: "TR", uk: "UA", cs: "CZ", sk: "SK", ro: "RO", bg: "BG", hr: "HR",
  el: "GR", hu: "HU", id: "ID", ms: "MY", ta: "IN", vi: "VN", fil: "PH",
};
const LANGUAGE_NAMES: Record<string, string> = {
  english: "en", spanish: "es", french: "fr", german: "de", italian: "it", portuguese: "pt", dutch: "nl", polish: "pl", swedish: "sv",
  japanese: "ja", chinese: "zh", korean: "ko", hindi: "hi", arabic: "ar", russian: "ru", turkish: "tr",
};

const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** "en_us", "EN-us" → "en-US"; null when it is not a language tag. */
function normalizeTag(tag: string): string | null {
  const [language, ...rest] = tag.trim().replace(/_/g, "-").split("-");
  if (!language || !/^[A-Za-z]{2,3}$/.test(language)) return null;
  const region = rest[0];
  if (region && /^[A-Za-z]{2}$/.test(region)) return `${language.toLowerCase()}-${region.toUpperCase()}`;
  if (region && /^\d{3}$/.test(region)) return `${language.toLowerCase()}-${region}`;
  return language.toLowerCase();
}

/**
 * BCP 47 from what ElevenLabs says about a voice, best effort: a verified language's locale (the one
 * verified for our model first), else labels.language (a code or an English name; else the language
 * the accent implies) with the region labels.accent names, else the language's usual region; "en-US"
 * when nothing is known.
 */
export function voiceLanguage(voice: Pick<RawVoice, "labels" | "verified_languages">, model?: string): string {
  const verified = [...(voice.verified_languages ?? [])].sort((a, b) => Number(b.model_id === model) - Number(a.model_id === model));
  for (const entry of verified) {
    const tag = entry.locale ? normalizeTag(entry.locale) : null;
    if (tag?.includes("-")) return tag;
  }
  const labels = voice.labels ?? {};
  const rawLanguage = (labels.language ?? verified[0]?.language ?? "").trim().toLowerCase();
  const language = lookup(LANGUAGE_NAMES, rawLanguage) ?? (rawLanguage ? normalizeTag(rawLanguage) : null);
  const accent = (labels.accent ?? verified[0]?.accent ?? "").trim().toLowerCase();
  const implied = lookup(ACCENTS, accent);
  const base = language ?? implied?.[0] ?? null;
  if (!base) return "en-US";
  if (base.includes("-")) return base;
  // An accent's region applies to its own language, an English accent's to any (Spanish with an
  // "american" accent is es-US); otherwise the language's usual region.
  const region = (implied && (implied[0] === base || implied[0] === "en") ? implied[1] : undefined) ?? lookup(DEFAULT_REGIONS, base);
  return region ? `${base}-${region}` : base;
}

/** labels.gender onto female | male | neutral (anything else, or none, is neutral). */
export function voiceGender(labels: RawVoice["labels"]): ElevenLabsVoice["gender"] {
  const gender = (labels?.gender ?? "").trim().toLowerCase();
  if (gender === "female" || gender === "woman") return "female";
  if (gender === "male" || gender === "man") return "male";
  return "neutral";
}

/**
 * The library's category from labels.use_case (ElevenLabs' own values in brackets):
 *   narrative       stories and reading (narration, narrative_story, audiobook, characters_animation,
 *                   characters, entertainment_tv, meditation, asmr, video games)
 *   professional    informing and selling (informative_educational, news, advertisement, business,
 *                   corporate, professional)
 *   conversational  talking with people (conversational, social_media, customer service, chat, agents)
 * With no use case (or an unknown one): ElevenLabs' `professional` category (professional voice clones)
 * is professional, every other voice conversational — the agent's default use.
 */
export function voiceCategory(labels: RawVoice["labels"], providerCategory: string | null | undefined): ElevenLabsVoice["category"] {
  const useCase = (labels?.use_case ?? labels?.["use case"] ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (/narrat|story|audiobook|character|animation|entertainment|meditation|asmr|game/.test(useCase)) return "narrative";
  if (/informative|educational|news|advert|business|corporate|professional/.test(useCase)) return "professional";
  if (/conversational|social|customer|service|support|chat|agent|assistant/.test(useCase)) return "conversational";
  return providerCategory === "professional" ? "professional" : "conversational";
}

function normalizeVoice(voice: RawVoice, model: string): ElevenLabsVoice {
  return {
    provider_voice_id: voice.voice_id,
    name: voice.name?.trim() || voice.voice_id,
    description: voice.description?.trim() || null,
    language: voiceLanguage(voice, model),
    gender: voiceGender(voice.labels),
    category: voiceCategory(voice.labels, voice.category),
    preview_url: voice.preview_url || null,
    provider_category: voice.category ?? null,
  };
}

/** Every voice the account can use (premade, its clones and library voices it added), normalized. */
export async function listVoices(options?: ElevenLabsOptions): Promise<ElevenLabsVoice[]> {
  const conn = connection(options, "list");
  const { body } = await request(conn, "GET", "/v1/voices");
  const { voices } = parseJson(body, z.object({ voices: z.array(voiceSchema) }), "The voices list");
  return voices.map((voice) => normalizeVoice(voice, conn.model));
}

// ---------------------------------------------------------------------------------------------------
// Speech

/** MP3 at 44.1 kHz/128 kbps; WAV is requested as raw 16-bit mono PCM at this rate and wrapped here. */
export const MP3_OUTPUT_FORMAT = "mp3_44100_128";
export const PCM_SAMPLE_RATE = 16_000;
export const PCM_OUTPUT_FORMAT = `pcm_${PCM_SAMPLE_RATE}`;

const SETTING_KEYS = ["stability", "similarity_boost", "style", "use_speaker_boost", "speed"] as const;

/** The voice_settings object ElevenLabs takes: only the keys it knows, none when none is set. */
export function voiceSettingsBody(settings: VoiceSettings): Record<string, number | boolean> | undefined {
  const body: Record<string, number | boolean> = {};
  for (const key of SETTING_KEYS) if (settings[key] !== undefined) body[key] = settings[key];
  return Object.keys(body).length ? body : undefined;
}

export type Speech = { audio: Buffer; contentType: string; format: AudioFormat };

/** Text to speech with one voice: MP3 as ElevenLabs sends it, or its raw PCM wrapped as a WAV file. */
export async function textToSpeech(voiceId: string, text: string, settings: VoiceSettings, format: AudioFormat, options?: ElevenLabsOptions): Promise<Speech> {
  const conn = connection(options, "speech");
  const voiceSettings = voiceSettingsBody(settings);
  const { body } = await request(conn, "POST", `/v1/text-to-speech/${encodeURIComponent(voiceId)}`, {
    query: { output_format: format === "mp3" ? MP3_OUTPUT_FORMAT : PCM_OUTPUT_FORMAT },
    json: { text, model_id: conn.model, ...(voiceSettings ? { voice_settings: voiceSettings } : {}) },
    accept: format === "mp3" ? "audio/mpeg" : "*/*",
  });
  if (format === "mp3") return { audio: body, contentType: "audio/mpeg", format };
  if (body.length === 0 || body.length % 2 !== 0) {
    throw new ElevenLabsError(`returned ${body.length} bytes, not 16-bit PCM`, undefined, "unreadable_response");
  }
  return { audio: writeWav({ sampleRate: PCM_SAMPLE_RATE, channels: 1, bitsPerSample: 16, data: body }), contentType: "audio/wav", format };
}

// ---------------------------------------------------------------------------------------------------
// Instant voice cloning

export type VoiceSample = { filename: string; contentType: string; bytes: Uint8Array };
export type AddVoiceInput = {
  name: string;
  description?: string | null;
  files: VoiceSample[];
  /** ElevenLabs' labels (language, accent, gender, age…). */
  labels?: Record<string, string>;
  removeBackgroundNoise?: boolean;
};

/** Adds an instant voice clone to the account; its voice_id is usable for speech at once. */
export async function addVoice(input: AddVoiceInput, options?: ElevenLabsOptions): Promise<{ voice_id: string; requires_verification: boolean }> {
  const conn = connection(options, "clone");
  const form = new FormData();
  form.append("name", input.name);
  if (input.description) form.append("description", input.description);
  if (input.labels && Object.keys(input.labels).length) form.append("labels", JSON.stringify(input.labels));
  if (input.removeBackgroundNoise !== undefined) form.append("remove_background_noise", String(input.removeBackgroundNoise));
  for (const file of input.files) form.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
  const { body } = await request(conn, "POST", "/v1/voices/add", { form });
  const added = parseJson(body, z.object({ voice_id: z.string().min(1), requires_verification: z.boolean().optional() }).loose(), "The new voice");
  return { voice_id: added.voice_id, requires_verification: added.requires_verification ?? false };
}
