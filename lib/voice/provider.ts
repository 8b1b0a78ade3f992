import "server-only";
// One interface for every speech provider: the built-in engine (espeak-ng, offline, the default) and
// ElevenLabs (when ELEVENLABS_API_KEY is set). Services pick the provider from the voice's row; the
// provider turns text into audio in one of the formats it supports and measures its duration.
import type { VoiceSettings } from "@/lib/voice/settings";
import type { ProviderId } from "@/lib/voice/settings";

import type { AudioFormat } from "@/lib/voice/formats";

export { AUDIO_FORMATS, CONTENT_TYPES, type AudioFormat } from "@/lib/voice/formats";

/** What a provider needs to know about a voice row to speak with it. */
export type ProviderVoice = { providerVoiceId: string; engineParams: Record<string, unknown> };

export type Synthesis = { audio: Buffer; format: AudioFormat; durationSeconds: number };

export interface SpeechProvider {
  id: ProviderId;
  /** Formats it can produce, its preferred one first. */
  formats: readonly AudioFormat[];
  /** US dollars per 1,000 characters. */
  pricePer1000Characters(): number;
  synthesize(voice: ProviderVoice, text: string, settings: VoiceSettings, format: AudioFormat): Promise<Synthesis>;
}

/** A provider's outage or refusal, with its reason: SERVICE_001 to the caller. */
export class SpeechProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function speechProvider(id: ProviderId): Promise<SpeechProvider> {
  if (id === "elevenlabs") {
    const { elevenLabsProvider } = await import("@/lib/voice/elevenlabs/provider");
    return elevenLabsProvider();
  }
  const { builtinProvider } = await import("@/lib/voice/builtin/provider");
  return builtinProvider;
}
