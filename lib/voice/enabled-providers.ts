import "server-only";
import type { ProviderId } from "@/lib/voice/settings";
import { elevenLabsConfigured } from "@/lib/voice/elevenlabs/config";
import { espeakInstalled } from "@/lib/voice/builtin/espeak";

/** The speech providers this deployment can use: the built-in engine when its optional package is
 *  installed (it is by default), ElevenLabs with a key. */
export async function enabledProviders(): Promise<ProviderId[]> {
  return [...(espeakInstalled() ? (["builtin"] as const) : []), ...(elevenLabsConfigured() ? (["elevenlabs"] as const) : [])];
}
