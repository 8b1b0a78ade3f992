import "server-only";
// The built-in clone's analysis, end to end: decode the recording, measure speech, judge whether it
// can serve, and map the speaker's pitch and pace onto espeak parameters (lib/voice/analysis).
import { decodeRecording } from "@/lib/voice/analysis/decode";
import { analyzeSpeechAsync } from "@/lib/voice/analysis/analyze";
import { judgeRecording } from "@/lib/voice/analysis/judge";
import { builtinCloneParams, FEMALE_VARIANT_FROM_HZ } from "@/lib/voice/analysis/clone-params";

export type CloneAnalysis =
  | {
      ok: true;
      params: { voice: string; variant: string; rate: number; pitch: number };
      measured: { median_pitch_hz: number | null; words_per_minute: number; speech_seconds: number; duration_seconds: number };
      gender: "female" | "male";
    }
  | { ok: false; message: string };

export async function analyzeRecording(bytes: Uint8Array, language: string): Promise<CloneAnalysis> {
  const pcm = await decodeRecording(bytes);
  if (!pcm) return { ok: false, message: "The recording could not be decoded; send WAV, MP3, OGG/Opus or WebM audio" };
  // The async analysis yields to the event loop as it goes: minutes of audio take seconds to measure.
  const analysis = await analyzeSpeechAsync(pcm);
  const verdict = judgeRecording(analysis);
  if (!verdict.ok) return { ok: false, message: verdict.message };
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    ok: true,
    params: builtinCloneParams(analysis, language),
    measured: {
      median_pitch_hz: analysis.medianPitchHz === null ? null : round(analysis.medianPitchHz, 1),
      words_per_minute: round(analysis.wordsPerMinute, 0),
      speech_seconds: round(analysis.speechSeconds, 2),
      duration_seconds: round(analysis.durationSeconds, 2),
    },
    gender: (analysis.medianPitchHz ?? 0) >= FEMALE_VARIANT_FROM_HZ ? "female" : "male",
  };
}
