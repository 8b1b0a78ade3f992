import "server-only";
import type { ProviderId } from "@/lib/voice/settings";

/** The speech providers this deployment can use: the built-in engine always, ElevenLabs with a key. */
export async function enabledProviders(): Promise<ProviderId[]> {
  return process.env.ELEVENLABS_API_KEY ? ["builtin", "elevenlabs"] : ["builtin"];
}
