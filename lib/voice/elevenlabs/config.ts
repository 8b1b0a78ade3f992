import "server-only";
// ElevenLabs settings from the environment, read on every call (tests and a redeploy change them):
//   ELEVENLABS_API_KEY              enables the provider (sent as the `xi-api-key` header)
//   ELEVENLABS_BASE_URL             default https://api.elevenlabs.io (tests point it at lib/testing/elevenlabs-fixture.ts)
//   ELEVENLABS_MODEL                default eleven_flash_v2_5
//   ELEVENLABS_PRICE_PER_1K_CHARS   USD per 1,000 characters, default 0.05 (see below)
//   ELEVENLABS_TIMEOUT_MS           optional: one timeout for every request instead of the per-call defaults
import { SpeechProviderError } from "@/lib/voice/provider";

export const ELEVENLABS_DEFAULT_BASE_URL = "https://api.elevenlabs.io";
export const ELEVENLABS_DEFAULT_MODEL = "eleven_flash_v2_5";
/**
 * ElevenLabs' API price for Flash/Turbo text to speech: $0.05 per 1,000 characters (Multilingual v2/v3:
 * $0.10), as summarised from https://elevenlabs.io/pricing/api by developer.puter.com/tutorials/
 * elevenlabs-api-pricing (June 2026). ElevenLabs' own page could not be read from here, so the figure is
 * second-hand; the help centre confirms Flash/Turbo bill half the credits per character of the other
 * models (help.elevenlabs.io, "How do I find the model ID"). Override with ELEVENLABS_PRICE_PER_1K_CHARS
 * for a negotiated rate or another model.
 */
export const ELEVENLABS_DEFAULT_PRICE_PER_1K_CHARS = 0.05;

export type ElevenLabsConfig = {
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Overrides every request's own default timeout when set. */
  timeoutMs?: number;
};

const env = (name: string) => process.env[name]?.trim() || undefined;

export function elevenLabsConfigured(): boolean {
  return env("ELEVENLABS_API_KEY") !== undefined;
}

/** What the environment says, with or without a key (per-call options may supply one). */
export function elevenLabsEnvironment(): Omit<ElevenLabsConfig, "apiKey"> & { apiKey: string | undefined } {
  const timeout = env("ELEVENLABS_TIMEOUT_MS");
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new Error(`ELEVENLABS_TIMEOUT_MS must be a positive number of milliseconds, got "${timeout}"`);
  }
  return {
    apiKey: env("ELEVENLABS_API_KEY"),
    baseUrl: (env("ELEVENLABS_BASE_URL") ?? ELEVENLABS_DEFAULT_BASE_URL).replace(/\/+$/, ""),
    model: env("ELEVENLABS_MODEL") ?? ELEVENLABS_DEFAULT_MODEL,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/** The connection settings; a SpeechProviderError when no API key is configured. */
export function elevenLabsConfig(): ElevenLabsConfig {
  const { apiKey, ...rest } = elevenLabsEnvironment();
  if (!apiKey) throw new SpeechProviderError("elevenlabs", "ElevenLabs is not configured: ELEVENLABS_API_KEY is not set");
  return { apiKey, ...rest };
}

/** US dollars per 1,000 characters synthesised (does not need the API key). */
export function elevenLabsPricePer1000Characters(): number {
  const raw = env("ELEVENLABS_PRICE_PER_1K_CHARS");
  if (raw === undefined) return ELEVENLABS_DEFAULT_PRICE_PER_1K_CHARS;
  const price = Number(raw);
  if (!Number.isFinite(price) || price < 0) throw new Error(`ELEVENLABS_PRICE_PER_1K_CHARS must be a non-negative number, got "${raw}"`);
  return price;
}
