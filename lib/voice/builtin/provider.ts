import "server-only";
// The built-in provider: catalogue voices (and offline clones) spoken by espeak-ng. Settings: `speed`
// multiplies the voice's rate, `pitch` its base pitch, and `stability` narrows the pitch range.
import { synthesizeWithEspeak, type EspeakArgs } from "@/lib/voice/builtin/espeak";
import { parseWav, pcmDuration } from "@/lib/voice/wav";
import type { ProviderVoice, SpeechProvider } from "@/lib/voice/provider";
import type { VoiceSettings } from "@/lib/voice/settings";

export type BuiltinParams = Omit<EspeakArgs, "range">;

/** Stability 0–1 onto espeak's pitch range: steadier speech moves its pitch less. */
export function rangeForStability(stability: number): EspeakArgs["range"] {
  if (stability >= 0.8) return "x-low";
  if (stability >= 0.6) return "low";
  if (stability >= 0.4) return "medium";
  if (stability >= 0.2) return "high";
  return "x-high";
}

export function espeakArgs(params: BuiltinParams, settings: VoiceSettings): EspeakArgs {
  return {
    voice: params.voice,
    variant: params.variant,
    // espeak accepts 80–450 words per minute and pitch 0–99.
    rate: Math.min(450, Math.max(80, params.rate * (settings.speed ?? 1))),
    pitch: Math.min(99, Math.max(0, params.pitch * (settings.pitch ?? 1))),
    range: rangeForStability(settings.stability ?? 0.5),
  };
}

export const builtinProvider: SpeechProvider = {
  id: "builtin",
  formats: ["wav"],
  pricePer1000Characters: () => 0,
  async synthesize(voice: ProviderVoice, text: string, settings: VoiceSettings) {
    const audio = await synthesizeWithEspeak(text, espeakArgs(voice.engineParams as BuiltinParams, settings));
    const pcm = parseWav(audio);
    if (!pcm) throw new Error("The built-in engine produced no readable audio");
    return { audio, format: "wav", durationSeconds: pcmDuration(pcm) };
  },
};
