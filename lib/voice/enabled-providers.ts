import "server-only";
import type { ProviderId } from "@/lib/voice/settings";
import { elevenLabsConfigured } from "@/lib/voice/elevenlabs/config";
import { espeakInstalled } from "@/lib/voice/builtin/espeak";

let builtin: boolean | undefined;

/** The speech providers this deployment can use: the built-in engine when its optional package is
 *  installed (it is by default), ElevenLabs with a key. */
export async function enabledProviders(): Promise<ProviderId[]> {
  builtin ??= espeakInstalled();
  return [...(builtin ? (["builtin"] as const) : []), ...(elevenLabsConfigured() ? (["elevenlabs"] as const) : [])];
}
