// Whether a recording can serve as a clone's source, and why not when it cannot.
import type { SpeechAnalysis } from "@/lib/voice/analysis/analyze";

export type RecordingVerdict = { ok: true } | { ok: false; reason: "silence" | "too_little_speech"; message: string };

/** Seconds of speech a clone needs (the pitch median and the pace settle after a few sentences). */
export const MIN_SPEECH_SECONDS = 3;
/** The loudest frames must rise this far above the noise floor for anything to have been said… */
export const MIN_RISE_DB = 10;
/** …and reach this level: below it a "recording" is a muted or unplugged microphone. */
export const MIN_PEAK_DBFS = -55;

export function judgeRecording(analysis: SpeechAnalysis): RecordingVerdict {
  const rise = analysis.peakDb - analysis.noiseFloorDb;
  if (analysis.peakDb < MIN_PEAK_DBFS || rise < MIN_RISE_DB || analysis.speechSeconds === 0) {
    return { ok: false, reason: "silence", message: "No speech was heard in the recording: it is silent or only background noise" };
  }
  if (analysis.speechSeconds < MIN_SPEECH_SECONDS) {
    const heard = Math.round(analysis.speechSeconds * 10) / 10;
    return { ok: false, reason: "too_little_speech", message: `The recording has ${heard} s of speech; at least ${MIN_SPEECH_SECONDS} s are needed` };
  }
  if (analysis.medianPitchHz === null) {
    return { ok: false, reason: "too_little_speech", message: "The speaker's pitch could not be measured: record a few sentences spoken clearly" };
  }
  return { ok: true };
}
