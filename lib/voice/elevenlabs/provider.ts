import "server-only";
// The ElevenLabs speech provider (used when ELEVENLABS_API_KEY is set): MP3 straight from ElevenLabs
// (its preferred format, 44.1 kHz/128 kbps), or WAV wrapped around its 16 kHz PCM. Durations are
// measured from the audio itself; audio that cannot be read is the provider's failure. Also the two
// calls the catalogue sync and the clone job need, so they never import the HTTP layer themselves.
import type { AudioFormat, ProviderVoice, SpeechProvider, Synthesis } from "@/lib/voice/provider";
import type { VoiceSettings } from "@/lib/voice/settings";
import { mp3Duration } from "@/lib/voice/mp3";
import { parseWav, pcmDuration } from "@/lib/voice/wav";
import { elevenLabsPricePer1000Characters } from "@/lib/voice/elevenlabs/config";
import { addVoice, ElevenLabsError, listVoices, textToSpeech, type AddVoiceInput, type ElevenLabsOptions, type ElevenLabsVoice } from "@/lib/voice/elevenlabs/client";

export { ElevenLabsError, type ElevenLabsVoice, type AddVoiceInput, type VoiceSample, type ElevenLabsOptions } from "@/lib/voice/elevenlabs/client";
export { elevenLabsConfigured } from "@/lib/voice/elevenlabs/config";

/** Seconds of audio in what ElevenLabs returned; an ElevenLabsError (a SpeechProviderError) when it is not readable audio. */
function measure(audio: Buffer, format: AudioFormat): number {
  let seconds: number | null = null;
  if (format === "mp3") seconds = mp3Duration(audio);
  else {
    const pcm = parseWav(audio);
    seconds = pcm ? pcmDuration(pcm) : null;
  }
  if (seconds === null || !(seconds > 0)) {
    throw new ElevenLabsError(`returned ${audio.length} bytes that are not readable ${format.toUpperCase()} audio`, undefined, "unreadable_response");
  }
  return seconds;
}

export function elevenLabsProvider(options?: ElevenLabsOptions): SpeechProvider {
  return {
    id: "elevenlabs",
    formats: ["mp3", "wav"],
    pricePer1000Characters: elevenLabsPricePer1000Characters,
    async synthesize(voice: ProviderVoice, text: string, settings: VoiceSettings, format: AudioFormat): Promise<Synthesis> {
      const { audio } = await textToSpeech(voice.providerVoiceId, text, settings, format, options);
      return { audio, format, durationSeconds: measure(audio, format) };
    },
  };
}

/** The account's ElevenLabs voices, normalized for the library (see client.ts for the mappings). */
export function listElevenLabsVoices(options?: ElevenLabsOptions): Promise<ElevenLabsVoice[]> {
  return listVoices(options);
}

/** An instant voice clone from audio samples; the returned id is ready for speech at once. */
export async function cloneElevenLabsVoice(input: AddVoiceInput, options?: ElevenLabsOptions): Promise<{ provider_voice_id: string; requires_verification: boolean }> {
  const { voice_id, requires_verification } = await addVoice(input, options);
  return { provider_voice_id: voice_id, requires_verification };
}
