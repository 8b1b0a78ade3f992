// Speech measurements of a recording: how much of it is speech, the speaker's median pitch, and the
// speaking rate. Everything runs at 8 kHz (speech pitch and syllable energy live well below 4 kHz, and
// YIN's cost grows with the square of the rate): 40 ms frames every 10 ms.
//
//  1. Level: each frame's energy in dB. The noise floor is the 10th percentile of frame levels, the
//     peak the 99th (one click does not count). A frame is active when it rises a margin above the
//     floor — a quarter of the floor-to-peak range, at least 6 dB and at most 15 dB — and is within
//     45 dB of the peak (over digital silence the floor says nothing).
//  2. Pitch: YIN (./yin.ts) on every active frame, 60–400 Hz. Frames with a dip under the absolute
//     threshold 0.15 give the pitch; the median over them is the speaker's pitch. Frames whose best dip
//     is under 0.3 count as voiced (fast or creaky speech rarely reaches 0.15 in a 40 ms frame).
//  3. Speech: active frames, with gaps up to 250 ms bridged (stop closures, short pauses between
//     words) and blips under 60 ms dropped. A stretch counts as speech only when at least 10 % of it
//     (and 50 ms) is voiced, so steady noise — a fan, traffic, hiss — is not speech.
//  4. Rate: syllable nuclei after de Jong & Wempe ("Praat script to detect syllable nuclei", 2009):
//     peaks of a 20 ms energy envelope (smoothed over three frames) inside speech, within 20 ms of a
//     voiced frame, at most 25 dB under the recording's loud speech, each separated from the previous
//     by a dip of 2 dB and at least 80 ms. Syllables per second of speech → words per minute with 1.5
//     syllables per word, the usual figure for conversational English (running-text counts give
//     1.4–1.5). Languages with longer words read high; the clone maps the number onto espeak's rate
//     through a per-language calibration (./clone-params.ts), which is what keeps the pace.
//
// analyzeSpeech runs to completion (≈4 ms per second of audio on one core); analyzeSpeechAsync does the
// same work but yields to the event loop every ~10 ms, for use inside the server process.
import { Cooperation } from "@/lib/voice/analysis/pcm-sink";
import { Yin } from "@/lib/voice/analysis/yin";

export type Recording = { sampleRate: number; samples: Float32Array };

export type SpeechAnalysis = {
  /** Length of the recording. */
  durationSeconds: number;
  /** Time spent speaking (pauses longer than 250 ms and silence excluded). */
  speechSeconds: number;
  /** Median F0 over the voiced frames; null when fewer than 10 frames (0.1 s) were voiced. */
  medianPitchHz: number | null;
  /** Number of voiced 10 ms frames the median is taken over. */
  pitchSamples: number;
  syllables: number;
  /** Syllables per second of speech (articulation rate). */
  syllablesPerSecond: number;
  /** syllablesPerSecond × 60 / SYLLABLES_PER_WORD. */
  wordsPerMinute: number;
  /** Frame level at the 10th percentile, dBFS (−100 is digital silence). */
  noiseFloorDb: number;
  /** Frame level at the 99th percentile, dBFS. */
  peakDb: number;
};

export const ANALYSIS_RATE = 8_000;
export const FRAME_SECONDS = 0.04;
export const HOP_SECONDS = 0.01;
export const MIN_PITCH_HZ = 60;
export const MAX_PITCH_HZ = 400;
export const YIN_THRESHOLD = 0.15;
/** A frame whose best YIN dip is below this is voiced (for speech and syllables), even above YIN_THRESHOLD. */
export const VOICING_APERIODICITY = 0.3;
/** Average syllables per word of conversational English (documented above). */
export const SYLLABLES_PER_WORD = 1.5;

const SILENT_DB = -100;
/** Speech sits within this many dB of its loudest frames; quieter is reverb, a filter's tail or hiss. */
const MAX_SPEECH_RANGE_DB = 45;
const BRIDGE_GAP_SECONDS = 0.25;
const MIN_BLIP_SECONDS = 0.06;
const MIN_VOICED_SHARE = 0.1;
const MIN_PITCH_FRAMES = 10;
const SYLLABLE_SMOOTH_FRAMES = 3;
const SYLLABLE_DIP_DB = 2;
const SYLLABLE_MIN_GAP_SECONDS = 0.08;
const SYLLABLE_WINDOW_SECONDS = 0.02;
const SYLLABLE_BELOW_LOUD_DB = 25;
const VOICED_NEAR_FRAMES = 2;

// ------------------------------------------------------------------------------------ resampling

/** RBJ-cookbook low-pass biquad with its state, so a long signal can be filtered in slices. */
class LowPass {
  private readonly b0: number;
  private readonly b1: number;
  private readonly a1: number;
  private readonly a2: number;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(rate: number, cutoff: number, q: number) {
    const w = (2 * Math.PI * cutoff) / rate;
    const alpha = Math.sin(w) / (2 * q);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    this.b0 = (1 - cos) / 2 / a0;
    this.b1 = (1 - cos) / a0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  run(samples: Float32Array, from: number, to: number): void {
    const { b0, b1, a1, a2 } = this;
    let { x1, x2, y1, y2 } = this;
    for (let i = from; i < to; i += 1) {
      const x = samples[i]!;
      const y = b0 * x + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      samples[i] = y;
    }
    this.x1 = x1;
    this.x2 = x2;
    this.y1 = y1;
    this.y2 = y2;
  }
}

const SLICE_SAMPLES = 32_768;
const SLICE_FRAMES = 64;

/**
 * The recording at 8 kHz: an 8th-order Butterworth low-pass at 3.4 kHz (four biquads) against
 * aliasing, linear interpolation, then a DC blocker. Yields between slices.
 */
function* resample(recording: Recording): Generator<void, Float32Array, undefined> {
  const { sampleRate, samples } = recording;
  let source = samples;
  if (sampleRate > ANALYSIS_RATE * 1.1) {
    source = new Float32Array(samples.length); // filled slice by slice: one big copy would stall
    const order = 8;
    const sections = Array.from({ length: order / 2 }, (_, k) => new LowPass(sampleRate, 3_400, 1 / (2 * Math.cos(((2 * k + 1) * Math.PI) / (2 * order)))));
    for (let from = 0; from < source.length; from += SLICE_SAMPLES) {
      const to = Math.min(source.length, from + SLICE_SAMPLES);
      source.set(samples.subarray(from, to), from);
      for (const section of sections) section.run(source, from, to);
      yield;
    }
  }
  const step = sampleRate / ANALYSIS_RATE;
  const out = new Float32Array(Math.max(0, Math.floor((samples.length - 1) / step) + 1));
  // DC blocker: one pole at 0.995 (−3 dB near 6 Hz).
  let previousIn = 0;
  let previousOut = 0;
  for (let n = 0; n < out.length; n += 1) {
    const position = n * step;
    const i = Math.floor(position);
    const a = source[i]!;
    const b = source[i + 1] ?? a;
    const x = a + (b - a) * (position - i);
    previousOut = x - previousIn + 0.995 * previousOut;
    previousIn = x;
    out[n] = previousOut;
    if (n % SLICE_SAMPLES === SLICE_SAMPLES - 1) yield;
  }
  return out;
}

/** The recording at the analysis rate, 8 kHz (exported for tests and tools). */
export function toAnalysisRate(recording: Recording): Float32Array {
  return runToEnd(resample(recording));
}

// ------------------------------------------------------------------------------------- helpers

function runToEnd<T>(steps: Generator<void, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return SILENT_DB;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs of `true` in a mask, as [start, end) index pairs. */
function runs(mask: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < mask.length; ) {
    if (!mask[i]) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < mask.length && mask[i]) i += 1;
    out.push([start, i]);
  }
  return out;
}

/** Energy in dB of `x[from … from+length)`. */
function levelDb(x: Float32Array, from: number, length: number): number {
  let energy = 0;
  for (let j = from; j < from + length; j += 1) energy += x[j]! * x[j]!;
  return Math.max(SILENT_DB, 10 * Math.log10(energy / length + 1e-12));
}

// ------------------------------------------------------------------------------------ analysis

function* analysis(recording: Recording): Generator<void, SpeechAnalysis, undefined> {
  const durationSeconds = recording.sampleRate > 0 ? recording.samples.length / recording.sampleRate : 0;
  const x = yield* resample(recording);
  const frameLength = Math.round(FRAME_SECONDS * ANALYSIS_RATE);
  const hop = Math.round(HOP_SECONDS * ANALYSIS_RATE);
  const frameCount = x.length >= frameLength ? Math.floor((x.length - frameLength) / hop) + 1 : 0;

  // 1. Level per frame; floor, peak, and which frames are active.
  const levels = new Float64Array(frameCount);
  for (let f = 0; f < frameCount; f += 1) {
    levels[f] = levelDb(x, f * hop, frameLength);
    if (f % (SLICE_FRAMES * 16) === 0) yield;
  }
  const noiseFloorDb = percentile(levels, 0.1);
  const peakDb = percentile(levels, 0.99);
  const margin = Math.min(15, Math.max(6, (peakDb - noiseFloorDb) / 4));
  const activeFrom = Math.max(noiseFloorDb + margin, peakDb - MAX_SPEECH_RANGE_DB);
  const active = new Uint8Array(frameCount);
  for (let f = 0; f < frameCount; f += 1) active[f] = levels[f]! > activeFrom ? 1 : 0;
  const bridge = Math.round(BRIDGE_GAP_SECONDS / HOP_SECONDS);
  const found = runs(active);
  for (let r = 1; r < found.length; r += 1) {
    const gapStart = found[r - 1]![1];
    const gapEnd = found[r]![0];
    if (gapEnd - gapStart <= bridge) active.fill(1, gapStart, gapEnd);
  }
  const minBlip = Math.round(MIN_BLIP_SECONDS / HOP_SECONDS);
  for (const [start, end] of runs(active)) if (end - start < minBlip) active.fill(0, start, end);
  yield;

  // 2. Pitch and voicing on active frames (YIN's integration window is what the longest lag leaves of the frame).
  const yin = new Yin({ sampleRate: ANALYSIS_RATE, minHz: MIN_PITCH_HZ, maxHz: MAX_PITCH_HZ, threshold: YIN_THRESHOLD });
  const pitch = new Float64Array(frameCount); // F0 of frames with a dip under YIN_THRESHOLD, else 0
  const voiced = new Uint8Array(frameCount);
  for (let f = 0; f < frameCount; f += 1) {
    if (!active[f]) continue;
    const estimate = yin.estimate(x, f * hop, frameLength);
    if (estimate) {
      if (estimate.aperiodicity < VOICING_APERIODICITY) voiced[f] = 1;
      if (estimate.belowThreshold) pitch[f] = estimate.hz;
    }
    if (f % SLICE_FRAMES === 0) yield;
  }

  // 3. Speech: active stretches with some voicing.
  const speech = new Uint8Array(frameCount);
  for (const [start, end] of runs(active)) {
    let count = 0;
    for (let f = start; f < end; f += 1) count += voiced[f]!;
    if (count >= MIN_PITCH_FRAMES / 2 && count >= MIN_VOICED_SHARE * (end - start)) speech.fill(1, start, end);
  }
  let speechFrames = 0;
  const pitches: number[] = [];
  for (let f = 0; f < frameCount; f += 1) {
    if (!speech[f]) continue;
    speechFrames += 1;
    if (pitch[f]! > 0) pitches.push(pitch[f]!);
  }
  const speechSeconds = speechFrames * HOP_SECONDS;
  const medianPitchHz = pitches.length >= MIN_PITCH_FRAMES ? median(pitches) : null;
  yield;

  // 4. Syllable nuclei on a short-window envelope (so dips between fast syllables survive).
  const window = Math.round(SYLLABLE_WINDOW_SECONDS * ANALYSIS_RATE);
  const raw = new Float64Array(frameCount);
  for (let f = 0; f < frameCount; f += 1) raw[f] = levelDb(x, f * hop + ((frameLength - window) >> 1), window);
  const envelope = new Float64Array(frameCount);
  const half = SYLLABLE_SMOOTH_FRAMES >> 1;
  for (let f = 0; f < frameCount; f += 1) {
    const from = Math.max(0, f - half);
    const to = Math.min(frameCount - 1, f + half);
    let sum = 0;
    for (let k = from; k <= to; k += 1) sum += raw[k]!;
    envelope[f] = sum / (to - from + 1);
  }
  yield;
  const speechLevels: number[] = [];
  for (let f = 0; f < frameCount; f += 1) if (speech[f]) speechLevels.push(envelope[f]!);
  const syllableFrom = Math.max(activeFrom, percentile(speechLevels, 0.95) - SYLLABLE_BELOW_LOUD_DB);
  const voicedNear = (f: number) => {
    for (let k = Math.max(0, f - VOICED_NEAR_FRAMES); k <= Math.min(frameCount - 1, f + VOICED_NEAR_FRAMES); k += 1) if (voiced[k]) return true;
    return false;
  };
  const minGap = Math.round(SYLLABLE_MIN_GAP_SECONDS / HOP_SECONDS);
  const nuclei: number[] = [];
  for (let f = 1; f < frameCount - 1; f += 1) {
    const level = envelope[f]!;
    if (!speech[f] || level <= syllableFrom || level <= envelope[f - 1]! || level < envelope[f + 1]! || !voicedNear(f)) continue;
    const previous = nuclei[nuclei.length - 1];
    if (previous === undefined) {
      nuclei.push(f);
      continue;
    }
    let dip = Number.POSITIVE_INFINITY;
    for (let k = previous; k <= f; k += 1) dip = Math.min(dip, envelope[k]!);
    const separate = f - previous >= minGap && level - dip >= SYLLABLE_DIP_DB && envelope[previous]! - dip >= SYLLABLE_DIP_DB;
    if (separate) nuclei.push(f);
    else if (level > envelope[previous]!) nuclei[nuclei.length - 1] = f; // one syllable: keep its highest point
  }
  const syllablesPerSecond = speechSeconds > 0 ? nuclei.length / speechSeconds : 0;

  return {
    durationSeconds,
    speechSeconds,
    medianPitchHz,
    pitchSamples: pitches.length,
    syllables: nuclei.length,
    syllablesPerSecond,
    wordsPerMinute: (syllablesPerSecond * 60) / SYLLABLES_PER_WORD,
    noiseFloorDb,
    peakDb,
  };
}

/** Measures a recording's speech, synchronously. */
export function analyzeSpeech(recording: Recording): SpeechAnalysis {
  return runToEnd(analysis(recording));
}

/** The same as analyzeSpeech, yielding to the event loop every ~10 ms of work. */
export async function analyzeSpeechAsync(recording: Recording): Promise<SpeechAnalysis> {
  const steps = analysis(recording);
  const cooperation = new Cooperation();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await cooperation.pause();
  }
}
