import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeSpeech, analyzeSpeechAsync, type SpeechAnalysis } from "@/lib/voice/analysis/analyze";
import { builtinCloneParams, CALIBRATION, CALIBRATION_RANGE, espeakVoiceFor, VOICE_BY_LANGUAGE, VOICE_BY_TAG } from "@/lib/voice/analysis/clone-params";
import { decodeRecording, sniffContainer, type DecodedRecording } from "@/lib/voice/analysis/decode";
import { judgeRecording } from "@/lib/voice/analysis/judge";
import { demuxWebm } from "@/lib/voice/analysis/webm";
import { Yin } from "@/lib/voice/analysis/yin";
import { synthesizeWithEspeak } from "@/lib/voice/builtin/espeak";
import { writeWav } from "@/lib/voice/wav";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(here, "fixtures", name)));
const FIXTURE_SECONDS = 6.318; // fixtures/README.md

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vowel-like harmonic tone: 12 harmonics falling 6 dB/octave, with a slow 2 % vibrato. */
function harmonicTone(f0: number, seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  let phase = 0;
  for (let i = 0; i < out.length; i += 1) {
    const t = i / sampleRate;
    phase += (2 * Math.PI * f0 * (1 + 0.02 * Math.sin(2 * Math.PI * 5 * t))) / sampleRate;
    let value = 0;
    for (let h = 1; h <= 12; h += 1) value += Math.sin(h * phase) / h;
    out[i] = 0.2 * value;
  }
  return out;
}

async function decoded(bytes: Uint8Array): Promise<DecodedRecording> {
  const recording = await decodeRecording(bytes);
  if (!recording) throw new Error("undecodable");
  return recording;
}

// ----------------------------------------------------------------------------------------- YIN

describe("YIN", () => {
  it.each([65, 85, 120, 180, 240, 330, 390])("finds %d Hz in a harmonic tone within 1.5 %", (f0) => {
    const sampleRate = 8000;
    const tone = harmonicTone(f0, 0.5, sampleRate);
    const yin = new Yin({ sampleRate, minHz: 60, maxHz: 400, threshold: 0.15 });
    const found: number[] = [];
    for (let start = 0; start + 320 <= tone.length; start += 80) found.push(yin.estimate(tone, start, 320)!.hz);
    const sorted = found.sort((a, b) => a - b);
    expect(sorted[sorted.length >> 1]! / f0).toBeGreaterThan(0.985);
    expect(sorted[sorted.length >> 1]! / f0).toBeLessThan(1.015);
  });

  it("calls white noise aperiodic", () => {
    const next = random(7);
    const noise = Float32Array.from({ length: 320 }, () => next() * 2 - 1);
    const estimate = new Yin({ sampleRate: 8000, minHz: 60, maxHz: 400, threshold: 0.15 }).estimate(noise, 0, 320);
    expect(estimate === null || (!estimate.belowThreshold && estimate.aperiodicity > 0.3)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------ analysis

describe("analyzeSpeech", () => {
  it("measures the median pitch of a tone at any input rate (resampled to 8 kHz)", () => {
    for (const sampleRate of [8000, 16000, 22050, 44100, 48000]) {
      // Half a second of silence on either side: a level with nothing to rise from is no speech.
      const samples = new Float32Array(2 * sampleRate);
      samples.set(harmonicTone(150, 1, sampleRate), sampleRate / 2);
      const analysis = analyzeSpeech({ sampleRate, samples });
      expect(Math.abs(analysis.medianPitchHz! / 150 - 1), `${sampleRate} Hz`).toBeLessThan(0.01);
      expect(analysis.durationSeconds).toBeCloseTo(2, 3);
      expect(analysis.speechSeconds).toBeGreaterThan(0.95);
      expect(analysis.speechSeconds).toBeLessThan(1.1);
    }
  });

  it("gives the same answer cooperatively (analyzeSpeechAsync) as in one go", async () => {
    const recording = await decoded(fixture("speech.mp3"));
    expect(await analyzeSpeechAsync(recording)).toEqual(analyzeSpeech(recording));
  });

  it("agrees across the fixtures' formats (pitch within 2 %, speech time within 0.15 s)", async () => {
    const reference = analyzeSpeech(await decoded(fixture("speech.wav")));
    expect(reference.medianPitchHz).toBeGreaterThan(190);
    expect(reference.medianPitchHz).toBeLessThan(240);
    expect(reference.speechSeconds).toBeGreaterThan(5);
    expect(judgeRecording(reference)).toEqual({ ok: true });
    for (const name of ["speech.mp3", "speech-opus.ogg", "speech-vorbis.ogg", "speech.webm"]) {
      const analysis = analyzeSpeech(await decoded(fixture(name)));
      expect(Math.abs(analysis.medianPitchHz! / reference.medianPitchHz! - 1), name).toBeLessThan(0.02);
      expect(Math.abs(analysis.speechSeconds - reference.speechSeconds), name).toBeLessThan(0.15);
      expect(Math.abs(analysis.syllables - reference.syllables), name).toBeLessThanOrEqual(2);
    }
  });
});

// ------------------------------------------------------------------------------------- judging

describe("judgeRecording", () => {
  const sampleRate = 16000;
  const judge = (samples: Float32Array) => {
    const analysis = analyzeSpeech({ sampleRate, samples });
    return { analysis, verdict: judgeRecording(analysis) };
  };

  it("calls digital silence, low noise and a noise step silence", () => {
    const next = random(1);
    const zeros = new Float32Array(sampleRate * 5);
    const lowNoise = Float32Array.from(zeros, () => (next() * 2 - 1) * 0.002);
    const step = Float32Array.from(zeros, (_, i) => (i < zeros.length / 2 ? 0 : (next() * 2 - 1) * 0.0005));
    for (const samples of [zeros, lowNoise, step]) {
      const { analysis, verdict } = judge(samples);
      expect(verdict).toMatchObject({ ok: false, reason: "silence" });
      expect(analysis.speechSeconds).toBe(0);
      expect(analysis.medianPitchHz).toBeNull();
    }
  });

  it("does not take loud noise (a fan, traffic) for speech", () => {
    const next = random(2);
    const samples = new Float32Array(sampleRate * 6);
    // Quiet, then 4 s of loud broadband noise.
    for (let i = 0; i < samples.length; i += 1) samples[i] = (next() * 2 - 1) * (i < sampleRate * 2 ? 0.001 : 0.3);
    expect(judge(samples).verdict).toMatchObject({ ok: false, reason: "silence" });
  });

  it("says too little speech for 1.5 s of speech in a longer recording", async () => {
    const speech = await decoded(fixture("speech.wav")); // 8 kHz
    const samples = new Float32Array(speech.sampleRate * 6);
    samples.set(speech.samples.subarray(Math.round(0.3 * speech.sampleRate), Math.round(1.8 * speech.sampleRate)), speech.sampleRate * 2);
    const analysis = analyzeSpeech({ sampleRate: speech.sampleRate, samples });
    expect(analysis.speechSeconds).toBeGreaterThan(0.8);
    expect(analysis.speechSeconds).toBeLessThan(2);
    const verdict = judgeRecording(analysis);
    expect(verdict).toMatchObject({ ok: false, reason: "too_little_speech" });
    expect(verdict.ok ? "" : verdict.message).toMatch(/at least 3 s/);
  });
});

// -------------------------------------------------------------------------------------- decoding

describe("decodeRecording", () => {
  it.each([
    ["speech.wav", "wav", 8000],
    ["speech.mp3", "mp3", 22050],
    ["speech-opus.ogg", "ogg", 16000],
    ["speech-vorbis.ogg", "ogg", 22050],
    ["speech.webm", "webm", 16000],
  ] as const)("decodes %s (sniffed as %s) to the same duration", async (name, container, sampleRate) => {
    const bytes = fixture(name);
    expect(sniffContainer(bytes)).toBe(container);
    const recording = await decoded(bytes);
    expect(recording.sampleRate).toBe(sampleRate);
    expect(recording.truncated).toBe(false);
    expect(Math.abs(recording.samples.length / recording.sampleRate - FIXTURE_SECONDS)).toBeLessThan(0.03);
    const peak = recording.samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThanOrEqual(1.01);
  });

  it("reads WebM whose Clusters have an unknown size, as Chrome's MediaRecorder writes them", async () => {
    const bytes = fixture("speech.webm").slice();
    let patched = 0;
    for (let at = 0; at + 6 <= bytes.length; at += 1) {
      // Cluster id, then a 2-byte size (0x4…): rewrite the size as the 2-byte "unknown" marker 0x7FFF.
      if (bytes[at] === 0x1f && bytes[at + 1] === 0x43 && bytes[at + 2] === 0xb6 && bytes[at + 3] === 0x75 && (bytes[at + 4]! & 0xc0) === 0x40) {
        bytes[at + 4] = 0x7f;
        bytes[at + 5] = 0xff;
        patched += 1;
      }
    }
    expect(patched).toBeGreaterThan(3);
    const recording = await decoded(bytes);
    expect(Math.abs(recording.samples.length / recording.sampleRate - FIXTURE_SECONDS)).toBeLessThan(0.03);
  });

  it("splits laced blocks (Xiph, fixed-size, EBML lacing)", () => {
    const vint = (n: number) => [0x80 | n]; // sizes below 127
    const element = (id: number[], payload: number[]) => [...id, ...(payload.length < 127 ? vint(payload.length) : [0x40 | (payload.length >> 8), payload.length & 0xff]), ...payload];
    const frame = (length: number, fill: number) => new Array<number>(length).fill(fill);
    const [a, b, c] = [frame(5, 1), frame(300, 2), frame(7, 3)];
    const xiph = [0x81, 0, 0, 0x02, 2, 5, 255, 45, ...a, ...b, ...c];
    const fixed = [0x81, 0, 0, 0x04, 2, ...frame(4, 4), ...frame(4, 5), ...frame(4, 6)];
    // EBML lacing: first size 5 as a vint, then 300 − 5 = +295 as a signed 2-byte vint (bias 8191), last implied.
    const delta = 295 + 8191;
    const ebml = [0x81, 0, 0, 0x06, 2, 0x85, 0x40 | (delta >> 8), delta & 0xff, ...a, ...b, ...c];
    const bytes = new Uint8Array([
      ...element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], [...Buffer.from("webm")])),
      ...[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // Segment, unknown size
      ...element([0x16, 0x54, 0xae, 0x6b], element([0xae], [...element([0xd7], [1]), ...element([0x86], [...Buffer.from("A_OPUS")])])),
      ...[0x1f, 0x43, 0xb6, 0x75, 0xff], // Cluster, unknown size (1-byte form)
      ...element([0xe7], [0]),
      ...element([0xa3], xiph),
      ...element([0xa3], fixed),
      ...element([0xa0], element([0xa1], ebml)), // a BlockGroup's Block
    ]);
    const content = demuxWebm(bytes);
    expect(content.tracks).toMatchObject([{ number: 1, codecId: "A_OPUS" }]);
    expect(content.frames.get(1)!.map((f) => [f.length, f[0]])).toEqual([
      [5, 1], [300, 2], [7, 3],
      [4, 4], [4, 5], [4, 6],
      [5, 1], [300, 2], [7, 3],
    ]);
  });

  it("reads every WAV flavour: 8/16/24/32-bit PCM, float 32/64, extensible, stereo", async () => {
    const reference = await decoded(fixture("speech.wav"));
    const n = reference.samples.length;
    const build = (code: number, bits: number, channels: number, extensible: boolean) => {
      const bytesPerSample = bits / 8;
      const data = Buffer.alloc(n * channels * bytesPerSample);
      for (let i = 0; i < n; i += 1) {
        for (let ch = 0; ch < channels; ch += 1) {
          // The second channel carries the signal inverted and halved: the mono mix is 0.25 × signal.
          const v = Math.max(-1, Math.min(1 - 2 ** -23, ch === 0 ? reference.samples[i]! : -0.5 * reference.samples[i]!));
          const at = (i * channels + ch) * bytesPerSample;
          if (code === 3) {
            if (bits === 32) data.writeFloatLE(v, at);
            else data.writeDoubleLE(v, at);
          } else if (bits === 8) data.writeUInt8(Math.round(v * 127) + 128, at);
          else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), at);
          else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), at, 3);
          else data.writeInt32LE(Math.round(v * 2147483647), at);
        }
      }
      const fmt = Buffer.alloc(extensible ? 40 : 16);
      fmt.writeUInt16LE(extensible ? 0xfffe : code, 0);
      fmt.writeUInt16LE(channels, 2);
      fmt.writeUInt32LE(reference.sampleRate, 4);
      fmt.writeUInt32LE(reference.sampleRate * channels * bytesPerSample, 8);
      fmt.writeUInt16LE(channels * bytesPerSample, 12);
      fmt.writeUInt16LE(bits, 14);
      if (extensible) {
        fmt.writeUInt16LE(22, 16);
        fmt.writeUInt16LE(bits, 18);
        fmt.writeUInt16LE(code, 24); // sub-format GUID, first two bytes
      }
      const chunk = (id: string, body: Buffer) => Buffer.concat([Buffer.from(id, "ascii"), Buffer.from(new Uint32Array([body.length]).buffer), body, Buffer.alloc(body.length % 2)]);
      const list = chunk("LIST", Buffer.from("INFOISFT\x05\x00\x00\x00test\x00", "latin1")); // a chunk to step over
      const body = Buffer.concat([Buffer.from("WAVE"), chunk("fmt ", fmt), list, chunk("data", data)]);
      return new Uint8Array(Buffer.concat([Buffer.from("RIFF"), Buffer.from(new Uint32Array([body.length]).buffer), body]));
    };
    for (const [code, bits, channels, extensible] of [
      [1, 8, 1, false], [1, 16, 1, false], [1, 24, 1, false], [1, 32, 1, false],
      [3, 32, 1, false], [3, 64, 1, false], [1, 24, 2, true], [3, 32, 2, true],
    ] as const) {
      const label = `format ${code}, ${bits} bit, ${channels} ch${extensible ? ", extensible" : ""}`;
      const recording = (await decodeRecording(build(code, bits, channels, extensible)))!;
      expect(recording, label).not.toBeNull();
      expect(recording.sampleRate).toBe(reference.sampleRate);
      expect(recording.samples.length).toBe(n);
      const scale = channels === 2 ? 0.25 : 1;
      let error = 0;
      for (let i = 0; i < n; i += 1) error = Math.max(error, Math.abs(recording.samples[i]! - scale * reference.samples[i]!));
      expect(error, label).toBeLessThan(bits === 8 ? 0.02 : 1e-4);
    }
  });

  it("returns null for random bytes, empty input, header-only files and unsupported codecs", async () => {
    const next = random(42);
    const noise = Uint8Array.from({ length: 20_000 }, () => Math.floor(next() * 256));
    expect(await decodeRecording(noise)).toBeNull();
    expect(await decodeRecording(new Uint8Array())).toBeNull();
    // Random bytes behind each magic number.
    for (const magic of [[0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0], [0x4f, 0x67, 0x67, 0x53], [0x1a, 0x45, 0xdf, 0xa3], [0xff, 0xfb, 0x90, 0x64]]) {
      const bytes = noise.slice();
      bytes.set(magic);
      expect(await decodeRecording(bytes), magic.join(",")).toBeNull();
    }
    // Truncated to their headers: no audio left.
    for (const [name, keep] of [["speech.wav", 44], ["speech.mp3", 300], ["speech-opus.ogg", 200], ["speech-vorbis.ogg", 400], ["speech.webm", 300]] as const) {
      expect(await decodeRecording(fixture(name).subarray(0, keep)), name).toBeNull();
    }
    // A WAV of IMA ADPCM (format 0x11): a real WAV, but not one we decode.
    const adpcm = fixture("speech.wav").slice();
    adpcm[20] = 0x11;
    expect(await decodeRecording(adpcm)).toBeNull();
  });

  it("decodes the part that arrived of a file cut short", async () => {
    for (const name of ["speech.wav", "speech.mp3", "speech-opus.ogg", "speech.webm"]) {
      const bytes = fixture(name);
      const recording = (await decodeRecording(bytes.subarray(0, Math.floor(bytes.length / 2))))!;
      expect(recording, name).not.toBeNull();
      const seconds = recording.samples.length / recording.sampleRate;
      expect(seconds, name).toBeGreaterThan(FIXTURE_SECONDS * 0.3);
      expect(seconds, name).toBeLessThan(FIXTURE_SECONDS * 0.7);
    }
  });

  it("stops at maxSeconds and says so", async () => {
    const recording = (await decodeRecording(fixture("speech-opus.ogg"), { maxSeconds: 2 }))!;
    expect(recording.truncated).toBe(true);
    expect(recording.samples.length).toBe(2 * recording.sampleRate);
  });

  it("keeps the event loop responsive while decoding a 10 MB file", async () => {
    // 10 MB of 16-bit mono PCM at 48 kHz: ~109 s of a tone.
    const sampleRate = 48_000;
    const seconds = (10 * 1024 * 1024) / 2 / sampleRate;
    const samples = harmonicTone(120, seconds, sampleRate);
    const data = Buffer.alloc(samples.length * 2);
    for (let i = 0; i < samples.length; i += 1) data.writeInt16LE(Math.round(samples[i]! * 32767), i * 2);
    const wav = writeWav({ sampleRate, channels: 1, bitsPerSample: 16, data });
    let longest = 0;
    let last = performance.now();
    let ticking = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const recording = await decodeRecording(wav);
    ticking = false;
    expect(recording!.samples.length).toBe(samples.length);
    expect(longest).toBeLessThan(100);
  });
});

// ------------------------------------------------------------------------------ clone parameters

describe("builtinCloneParams", () => {
  const analysis = (medianPitchHz: number | null, wordsPerMinute: number) => ({ medianPitchHz, wordsPerMinute });

  it("maps languages onto espeak voices", () => {
    expect(espeakVoiceFor("en-US")).toBe("en-us");
    expect(espeakVoiceFor("en-GB")).toBe("en");
    expect(espeakVoiceFor("en-AU")).toBe("en-us");
    expect(espeakVoiceFor("es")).toBe("es");
    expect(espeakVoiceFor("es-ES")).toBe("es");
    expect(espeakVoiceFor("fr")).toBe("fr");
    expect(espeakVoiceFor("fr-FR")).toBe("fr");
    expect(espeakVoiceFor("de-DE")).toBe("de");
    expect(espeakVoiceFor("pt-BR")).toBe("pt-br");
    expect(espeakVoiceFor("pt_PT")).toBe("pt");
    expect(espeakVoiceFor("es-MX")).toBe("es-419");
    expect(espeakVoiceFor("it-IT")).toBe("it");
    expect(espeakVoiceFor("hi-IN")).toBe("hi");
    expect(espeakVoiceFor("ja-JP")).toBe("en-us");
  });

  it("chooses the variant by pitch and inverts the calibration lines", () => {
    const male = builtinCloneParams(analysis(110, 180), "en-US");
    expect(male).toMatchObject({ voice: "en-us", variant: "m3" });
    expect(Math.exp(CALIBRATION.pitch.m3!.intercept + CALIBRATION.pitch.m3!.slope * male.pitch)).toBeCloseTo(110, -1);
    expect(CALIBRATION.rate.intercept + CALIBRATION.rate.slope * male.rate).toBeCloseTo(180, -1);
    const female = builtinCloneParams(analysis(220, 150), "en-GB");
    expect(female).toMatchObject({ voice: "en", variant: "f3" });
    expect(Math.exp(CALIBRATION.pitch.f3!.intercept + CALIBRATION.pitch.f3!.slope * female.pitch)).toBeCloseTo(220, -1);
    // espeak's Spanish says ~17 % more syllables per "word" than its English at the same rate setting.
    expect(builtinCloneParams(analysis(110, 180), "es-ES").rate).toBeLessThan(male.rate);
    expect(builtinCloneParams(analysis(110, 180), "es-ES").pitch).toBe(male.pitch);
  });

  it("clamps to espeak's ranges", () => {
    expect(builtinCloneParams(analysis(50, 20), "en")).toMatchObject({ variant: "m3", pitch: 0, rate: 80 });
    expect(builtinCloneParams(analysis(500, 900), "en")).toMatchObject({ variant: "f3", pitch: 99, rate: 450 });
    expect(builtinCloneParams(analysis(null, 0), "en")).toMatchObject({ variant: "m3", pitch: 50, rate: 175 });
  });
});

// ------------------------------------------------------------------- against the built-in engine

const espeakInstalled = (() => {
  try {
    createRequire(path.join(process.cwd(), "package.json")).resolve("espeak-ng");
    return true;
  } catch {
    return false;
  }
})();

const PASSAGE =
  "Thanks for calling back. I just wanted to confirm your appointment for next Tuesday at three in the afternoon, and to check whether the address we have on file is still correct.";

async function speak(variant: string, pitch: number, rate: number, voice = "en-us", text = PASSAGE): Promise<SpeechAnalysis> {
  const wav = await synthesizeWithEspeak(text, { voice, variant, rate, pitch, range: CALIBRATION_RANGE });
  return analyzeSpeech(await decoded(new Uint8Array(wav)));
}

describe.skipIf(!espeakInstalled)("against espeak-ng (the optional built-in engine)", () => {
  it("every voice a clone can get honours the variant (f3 speaks far higher than m3)", { timeout: 30_000 }, async () => {
    for (const voice of new Set([...Object.values(VOICE_BY_TAG), ...Object.values(VOICE_BY_LANGUAGE)])) {
      const text = "One, two, three, four, five, six, seven.";
      const [male, female] = [await speak("m3", 50, 175, voice, text), await speak("f3", 50, 175, voice, text)];
      expect(female.medianPitchHz! / male.medianPitchHz!, voice).toBeGreaterThan(1.5);
    }
  });

  it("recovers the F0 of known pitch settings (a passage other than the calibration's)", { timeout: 30_000 }, async () => {
    for (const [variant, pitch] of [["m3", 20], ["m3", 60], ["f3", 30], ["f3", 80]] as const) {
      const analysis = await speak(variant, pitch, 170);
      const line = CALIBRATION.pitch[variant]!;
      const expected = Math.exp(line.intercept + line.slope * pitch);
      expect(analysis.medianPitchHz! / expected, `${variant} p${pitch}: ${analysis.medianPitchHz} vs ${expected}`).toBeGreaterThan(0.92);
      expect(analysis.medianPitchHz! / expected, `${variant} p${pitch}: ${analysis.medianPitchHz} vs ${expected}`).toBeLessThan(1.08);
      expect(judgeRecording(analysis)).toEqual({ ok: true });
    }
  });

  it("orders speaking rates: a faster setting measures more words per minute", { timeout: 30_000 }, async () => {
    for (const variant of ["m3", "f3"]) {
      const measured: number[] = [];
      for (const rate of [100, 160, 240]) measured.push((await speak(variant, 50, rate)).wordsPerMinute);
      expect(measured[1], `${variant}: ${measured.join(" < ")}`).toBeGreaterThan(measured[0]! * 1.15);
      expect(measured[2], `${variant}: ${measured.join(" < ")}`).toBeGreaterThan(measured[1]! * 1.1);
    }
  });

  it("round trip: a clone of espeak speech speaks at the same pitch (±10 %) and about the same pace", { timeout: 60_000 }, async () => {
    const cases = [
      { variant: "m3", pitch: 35, rate: 150, voice: "en-us", language: "en-US" },
      { variant: "f3", pitch: 65, rate: 190, voice: "en-us", language: "en-US" },
      { variant: "m3", pitch: 80, rate: 175, voice: "de", language: "de-DE", text: "Guten Tag, hier spricht Ihr Kundendienst. Ich rufe an, um Ihren Termin am Dienstag zu bestätigen. Passt Ihnen drei Uhr?" },
      { variant: "f3", pitch: 40, rate: 160, voice: "es", language: "es-ES", text: "Hola, le llamo de parte de su banco. Quería confirmar su cita del martes a las tres de la tarde. ¿Le viene bien?" },
    ];
    for (const source of cases) {
      const original = await speak(source.variant, source.pitch, source.rate, source.voice, source.text);
      const params = builtinCloneParams(original, source.language);
      expect(params.voice).toBe(source.voice);
      const clone = await speak(params.variant, params.pitch, params.rate, params.voice, source.text);
      const label = `${JSON.stringify(source)} → ${JSON.stringify(params)}: ${original.medianPitchHz?.toFixed(1)} Hz → ${clone.medianPitchHz?.toFixed(1)} Hz, ${original.wordsPerMinute.toFixed(0)} → ${clone.wordsPerMinute.toFixed(0)} wpm`;
      expect(Math.abs(clone.medianPitchHz! / original.medianPitchHz! - 1), label).toBeLessThan(0.1);
      expect(Math.abs(clone.wordsPerMinute / original.wordsPerMinute - 1), label).toBeLessThan(0.2);
    }
  });
});
