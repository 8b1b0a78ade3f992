// Recording → mono PCM. The container is sniffed from the first bytes (never from a file name or a
// declared type); each format has one decoder, all MIT/BSD/LGPL — no GPL code:
//   WAV        this file (PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, RF64)
//   MP3        mpg123-decoder (MIT wrapper around libmpg123, LGPL-2.1, in wasm)
//   Ogg/Opus   ./ogg.ts demuxer + opus-decoder (MIT; libopus, BSD-3-Clause)
//   Ogg/Vorbis @wasm-audio-decoders/ogg-vorbis (MIT; libvorbis, BSD-3-Clause; codec-parser, LGPL-3.0)
//   WebM/Opus  ./webm.ts demuxer + opus-decoder — MediaRecorder's audio/webm;codecs=opus
// The wasm decoders are loaded on first use, run in-process, and are fed in slices with a yield to the
// event loop every ~10 ms, so a 10 MB upload never blocks the server for long. At most `maxSeconds` of
// audio is decoded (the analysis needs far less; it also bounds memory for long low-bitrate files).
import { OggDemuxer } from "@/lib/voice/analysis/ogg";
import { decodeOpus, parseOpusHead, type OpusHead } from "@/lib/voice/analysis/opus";
import { Cooperation, MonoSink } from "@/lib/voice/analysis/pcm-sink";
import { readWebm, type WebmBlock, type WebmTrack } from "@/lib/voice/analysis/webm";

export type Container = "wav" | "mp3" | "ogg" | "webm";

export type DecodedRecording = {
  sampleRate: number;
  /** Mono: the channels averaged. */
  samples: Float32Array;
  /** True when the recording was longer than `maxSeconds` and only its beginning was decoded. */
  truncated: boolean;
};

/** Uploads above this size should be refused before they get here (the decoders are not the place). */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024;
/** Default cap on decoded audio: five minutes is far more than a pitch and pace estimate needs. */
export const MAX_DECODED_SECONDS = 300;
/** Less decoded audio than this is treated as undecodable (a header with no audio). */
const MIN_DECODED_SECONDS = 0.05;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

// MPEG audio frame headers (ISO 11172-3 / 13818-3): kbit/s by [version][layer], Hz by version.
const BITRATES: Record<string, number[]> = {
  "1-1": [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  "1-2": [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  "1-3": [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2-1": [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  "2-2": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  "2-3": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MPEG_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Length in bytes of the MPEG audio frame whose header is at `at`, or 0 when there is no valid header there. */
function mpegFrameLength(bytes: Uint8Array, at: number): number {
  const b1 = bytes[at + 1];
  const b2 = bytes[at + 2];
  if (bytes[at] !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return 0;
  const version = (b1 >> 3) & 0x03; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5, 1 reserved
  const layer = 4 - ((b1 >> 1) & 0x03); // 4 = reserved (that is how ADTS/AAC looks)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const bitrate = BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex]! * 1000;
  const rate = MPEG_RATES[version]![rateIndex]!;
  const padding = (b2 >> 1) & 0x01;
  if (layer === 1) return (Math.floor((12 * bitrate) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * bitrate) / rate) + padding;
}

/**
 * Where the MPEG audio starts: the first frame header (after any ID3v2 tag) that is followed by two
 * more at the offsets its length predicts. mpg123 resynchronises on anything that looks like a sync
 * word, so without this random bytes behind an "ID3" would "decode" to noise. −1 when there is none.
 */
function mpegStart(bytes: Uint8Array): number {
  let from = 0;
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === "ID3") {
    const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
    from = 10 + size + ((bytes[5]! & 0x10) !== 0 ? 10 : 0); // a footer adds 10 bytes
  }
  const searchEnd = Math.min(bytes.length, from + 256 * 1024);
  for (let at = from; at < searchEnd; at += 1) {
    const first = mpegFrameLength(bytes, at);
    if (!first) continue;
    const second = mpegFrameLength(bytes, at + first);
    if (second && mpegFrameLength(bytes, at + first + second)) return at;
  }
  return -1;
}

/** The container, from magic bytes. */
export function sniffContainer(bytes: Uint8Array): Container | null {
  if (bytes.length >= 12 && (ascii(bytes, 0, 4) === "RIFF" || ascii(bytes, 0, 4) === "RF64") && ascii(bytes, 8, 12) === "WAVE") return "wav";
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === "OggS") return "ogg";
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === "ID3") return "mp3";
  if (bytes.length >= 4 && mpegFrameLength(bytes, 0) > 0) return "mp3";
  return null;
}

/**
 * Decodes a recording to mono float PCM (−1…1) at its own sample rate (Opus: 16 kHz). Null when the
 * bytes are not a supported format or hold no decodable audio (random bytes, a header-only file).
 */
export async function decodeRecording(bytes: Uint8Array, options: { maxSeconds?: number } = {}): Promise<DecodedRecording | null> {
  const sink = new MonoSink(options.maxSeconds ?? MAX_DECODED_SECONDS);
  const cooperation = new Cooperation();
  let ok = false;
  try {
    switch (sniffContainer(bytes)) {
      case "wav":
        ok = await decodeWav(bytes, sink, cooperation);
        break;
      case "mp3":
        ok = await decodeMp3(bytes, sink, cooperation);
        break;
      case "ogg":
        ok = await decodeOgg(bytes, sink, cooperation);
        break;
      case "webm":
        ok = await decodeWebm(bytes, sink, cooperation);
        break;
      case null:
        return null;
    }
  } catch {
    return null; // a decoder that gives up on damaged input: undecodable
  }
  if (!ok || sink.sampleRate <= 0 || sink.length < MIN_DECODED_SECONDS * sink.sampleRate) return null;
  return { sampleRate: sink.sampleRate, samples: await sink.samples(cooperation), truncated: sink.truncated };
}

// ---------------------------------------------------------------------------------------------- WAV

const KSDATAFORMAT_PCM = 1;
const KSDATAFORMAT_FLOAT = 3;

async function decodeWav(bytes: Uint8Array, sink: MonoSink, cooperation: Cooperation): Promise<boolean> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { code: number; channels: number; sampleRate: number; bits: number } | null = null;
  let data: Uint8Array | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at, at + 4);
    let size = view.getUint32(at + 4, true);
    // A streaming writer (or RF64) may leave the data size at 0 or 0xFFFFFFFF: the data runs to the end.
    if (id === "data" && (size === 0 || at + 8 + size > bytes.length)) size = bytes.length - at - 8;
    if (id === "fmt " && size >= 16 && at + 8 + size <= bytes.length) {
      let code = view.getUint16(at + 8, true);
      if (code === 0xfffe && size >= 40) code = view.getUint16(at + 8 + 24, true); // the sub-format GUID's first two bytes
      format = { code, channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), bits: view.getUint16(at + 22, true) };
    } else if (id === "data") {
      data = bytes.subarray(at + 8, at + 8 + size);
      break;
    }
    at += 8 + size + (size % 2);
  }
  if (!format || !data) return false;
  const { code, channels, sampleRate, bits } = format;
  const supported = (code === KSDATAFORMAT_PCM && [8, 16, 24, 32].includes(bits)) || (code === KSDATAFORMAT_FLOAT && (bits === 32 || bits === 64));
  if (!supported || channels < 1 || channels > 32 || sampleRate < 1000 || sampleRate > 384_000) return false;
  sink.sampleRate = sampleRate;
  const bytesPerSample = bits / 8;
  const frameBytes = channels * bytesPerSample;
  const frames = Math.floor(data.length / frameBytes);
  const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read: (offset: number) => number =
    code === KSDATAFORMAT_FLOAT
      ? bits === 32
        ? (o) => dataView.getFloat32(o, true)
        : (o) => dataView.getFloat64(o, true)
      : bits === 8
        ? (o) => (data[o]! - 128) / 128
        : bits === 16
          ? (o) => dataView.getInt16(o, true) / 32768
          : bits === 24
            ? (o) => ((dataView.getUint8(o + 2) << 24) | (dataView.getUint8(o + 1) << 16) | (dataView.getUint8(o) << 8)) / 2147483648
            : (o) => dataView.getInt32(o, true) / 2147483648;
  const SLICE = 65_536;
  for (let first = 0; first < frames && !sink.full; first += SLICE) {
    const count = Math.min(SLICE, frames - first);
    const mono = new Float32Array(count);
    for (let i = 0; i < count; i += 1) {
      let sum = 0;
      const base = (first + i) * frameBytes;
      for (let c = 0; c < channels; c += 1) sum += read(base + c * bytesPerSample);
      mono[i] = sum / channels;
    }
    sink.push([mono], count);
    await cooperation.pause();
  }
  return frames > 0;
}

// ---------------------------------------------------------------------------------------------- MP3

async function decodeMp3(file: Uint8Array, sink: MonoSink, cooperation: Cooperation): Promise<boolean> {
  const start = mpegStart(file);
  if (start < 0) return false;
  const bytes = file.subarray(start);
  const { MPEGDecoder } = await import("mpg123-decoder");
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const SLICE = 16_384;
  try {
    for (let at = 0; at < bytes.length && !sink.full; at += SLICE) {
      const decoded = decoder.decode(bytes.subarray(at, at + SLICE));
      if (decoded.samplesDecoded > 0) {
        if (!sink.sampleRate) sink.sampleRate = decoded.sampleRate;
        sink.push(decoded.channelData, decoded.samplesDecoded);
      }
      await cooperation.pause();
    }
  } finally {
    decoder.free();
  }
  return sink.length > 0;
}

// ---------------------------------------------------------------------------------------------- Ogg

async function decodeOgg(bytes: Uint8Array, sink: MonoSink, cooperation: Cooperation): Promise<boolean> {
  const demuxer = new OggDemuxer(bytes);
  const packets = demuxer.packets();
  const first = packets.next();
  if (first.done || !demuxer.codec) return false;
  if (demuxer.codec === "opus") {
    const head = parseOpusHead(first.value);
    if (!head) return false;
    packets.next(); // OpusTags; audio follows
    return decodeOpus(head, { [Symbol.iterator]: () => packets }, sink, cooperation, () => demuxer.finalGranule);
  }
  const { OggVorbisDecoder } = await import("@wasm-audio-decoders/ogg-vorbis");
  const decoder = new OggVorbisDecoder();
  await decoder.ready;
  const SLICE = 32_768;
  try {
    const take = (decoded: { channelData: Float32Array[]; samplesDecoded: number; sampleRate: number }) => {
      if (decoded.samplesDecoded <= 0) return;
      if (!sink.sampleRate) sink.sampleRate = decoded.sampleRate;
      sink.push(decoded.channelData, decoded.samplesDecoded);
    };
    for (let at = 0; at < bytes.length && !sink.full; at += SLICE) {
      take(await decoder.decode(bytes.subarray(at, at + SLICE)));
      await cooperation.pause();
    }
    if (!sink.full) take(await decoder.flush());
  } finally {
    decoder.free();
  }
  return sink.length > 0;
}

// --------------------------------------------------------------------------------------------- WebM

async function decodeWebm(bytes: Uint8Array, sink: MonoSink, cooperation: Cooperation): Promise<boolean> {
  const tracks: WebmTrack[] = [];
  const blocks = readWebm(bytes, tracks);
  // Tracks come before the first block: read up to it, then choose the Opus track.
  const first = blocks.next();
  if (first.done) return false;
  const track = tracks.find((t) => t.codecId === "A_OPUS" && (t.type === null || t.type === 2));
  if (!track) return false;
  let head: OpusHead | null = track.codecPrivate ? parseOpusHead(track.codecPrivate) : null;
  if (!head) {
    // No OpusHead in CodecPrivate: mono/stereo family 0 from the track's own fields.
    const channels = track.channels ?? 1;
    if (channels > 2) return false;
    head = {
      channels,
      preSkip: track.codecDelay ? Math.round((track.codecDelay * 48_000) / 1e9) : 0,
      mappingFamily: 0,
      streamCount: 1,
      coupledStreamCount: channels - 1,
      channelMapping: channels === 2 ? [0, 1] : [0],
    };
  }
  function* frames(): Generator<Uint8Array, void, undefined> {
    let block: IteratorResult<WebmBlock, void> = first;
    while (!block.done) {
      if (block.value.track === track!.number) yield* block.value.frames;
      block = blocks.next();
    }
  }
  return decodeOpus(head, frames(), sink, cooperation);
}
