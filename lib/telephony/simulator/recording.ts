// The simulator's call recording, made as Twilio makes a dual-channel one: 8 kHz, 16-bit, two
// channels — the first is the app's side (the agent's audio, as played), the second the callee's (their
// words spoken by a built-in voice) — each placed at the second of the call it was said.
import { decodeRecording } from "@/lib/voice/analysis/decode";
import { writeWav } from "@/lib/voice/wav";

export const RECORDING_SAMPLE_RATE = 8000;

export type RecordingTrack = {
  /** 0: the app's side; 1: the callee's. */
  channel: 0 | 1;
  /** Seconds from the answer. */
  start: number;
  /** Any audio the voice library decodes (WAV, MP3…). */
  audio: Uint8Array;
  /** The slot it had in the call: audio longer than this is cut there (a hang-up, an interruption). */
  maxSeconds?: number;
};

/** Linear interpolation to 8 kHz: speech on a phone line is band-limited to 3.4 kHz anyway. */
function resample(samples: Float32Array, from: number): Float32Array {
  if (from === RECORDING_SAMPLE_RATE) return samples;
  const length = Math.floor((samples.length * RECORDING_SAMPLE_RATE) / from);
  const out = new Float32Array(length);
  const step = from / RECORDING_SAMPLE_RATE;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    const left = Math.floor(at);
    const right = Math.min(left + 1, samples.length - 1);
    out[i] = samples[left]! + (samples[right]! - samples[left]!) * (at - left);
  }
  return out;
}

/** A two-channel WAV of `durationSeconds` with each track mixed in at its offset. Undecodable tracks are left out. */
export async function mixRecording(tracks: RecordingTrack[], durationSeconds: number): Promise<Buffer> {
  const frames = Math.max(1, Math.round(durationSeconds * RECORDING_SAMPLE_RATE));
  const channels = [new Float32Array(frames), new Float32Array(frames)] as const;
  for (const track of tracks) {
    const decoded = await decodeRecording(track.audio, { maxSeconds: Math.max(1, track.maxSeconds ?? durationSeconds) + 1 });
    if (!decoded) continue;
    const samples = resample(decoded.samples, decoded.sampleRate);
    const first = Math.round(track.start * RECORDING_SAMPLE_RATE);
    const limit = track.maxSeconds === undefined ? samples.length : Math.min(samples.length, Math.round(track.maxSeconds * RECORDING_SAMPLE_RATE));
    const target = channels[track.channel];
    for (let i = 0; i < limit && first + i < frames; i++) target[first + i] = Math.max(-1, Math.min(1, target[first + i]! + samples[i]!));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    data.writeInt16LE(Math.round(channels[0][i]! * 32767), i * 4);
    data.writeInt16LE(Math.round(channels[1][i]! * 32767), i * 4 + 2);
    // The simulator runs in the app's process: a long call's file is written in slices, so callbacks keep flowing.
    if (i % 100_000 === 99_999) await new Promise((resolve) => setImmediate(resolve));
  }
  return writeWav({ sampleRate: RECORDING_SAMPLE_RATE, channels: 2, bitsPerSample: 16, data });
}

/**
 * A call's recording from what was said on it: the agent's audio as played (cut where it was cut), and
 * the callee's words in `voice` (given a little slack, since that voice is not the callee's pace).
 */
export async function recordCall(
  segments: { speaker: "agent" | "lead"; text: string; start: number; end: number; audio?: Uint8Array }[],
  durationSeconds: number,
  voice?: (text: string) => Promise<Uint8Array | null>,
): Promise<Buffer> {
  const tracks: RecordingTrack[] = [];
  for (const segment of segments) {
    const audio = segment.audio ?? (await voice?.(segment.text).catch(() => null)) ?? null;
    if (audio) tracks.push({ channel: segment.speaker === "agent" ? 0 : 1, start: segment.start, audio, maxSeconds: segment.end - segment.start + (segment.audio ? 0 : 0.5) });
  }
  return mixRecording(tracks, Math.max(1, durationSeconds));
}
