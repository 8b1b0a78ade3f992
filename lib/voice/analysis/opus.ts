// Opus packets (from Ogg or WebM) → PCM with `opus-decoder` (MIT; libopus, BSD-3-Clause, in wasm).
import type { Cooperation, MonoSink } from "@/lib/voice/analysis/pcm-sink";

/** The Opus identification header (RFC 7845 §5.1), as Ogg carries it and WebM's CodecPrivate repeats. */
export type OpusHead = {
  channels: number;
  /** Samples at 48 kHz to drop from the start of the decoded stream. */
  preSkip: number;
  mappingFamily: number;
  streamCount: number;
  coupledStreamCount: number;
  channelMapping: number[];
};

export function parseOpusHead(packet: Uint8Array): OpusHead | null {
  if (packet.length < 19 || String.fromCharCode(...packet.subarray(0, 8)) !== "OpusHead") return null;
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const channels = packet[9]!;
  const preSkip = view.getUint16(10, true);
  const mappingFamily = packet[18]!;
  if (channels === 0) return null;
  if (mappingFamily === 0) {
    if (channels > 2) return null;
    return { channels, preSkip, mappingFamily, streamCount: 1, coupledStreamCount: channels - 1, channelMapping: channels === 2 ? [0, 1] : [0] };
  }
  if (packet.length < 21 + channels) return null;
  return {
    channels,
    preSkip,
    mappingFamily,
    streamCount: packet[19]!,
    coupledStreamCount: packet[20]!,
    channelMapping: Array.from(packet.subarray(21, 21 + channels)),
  };
}

/**
 * The rate Opus is decoded at. libopus decodes natively to any of 8/12/16/24/48 kHz; the analysis
 * works at 8 kHz, so 16 kHz keeps a margin while costing a third of the memory of 48 kHz.
 */
export const OPUS_DECODE_RATE = 16_000;

/** libopus's largest packet is 1275 bytes per frame × 48 frames per packet at most; the wasm input buffer is smaller. */
const MAX_PACKET_BYTES = 3_840;

/**
 * Decodes `packets` (audio packets only: no OpusHead/OpusTags; read lazily, so demuxing shares the
 * cooperative pauses) into `sink`. `totalSamples48k()`, when the container states the stream's length
 * once read (Ogg's final granule position), trims the encoder's padding at the end. Returns false when
 * nothing could be decoded.
 */
export async function decodeOpus(
  head: OpusHead,
  packets: Iterable<Uint8Array>,
  sink: MonoSink,
  cooperation: Cooperation,
  totalSamples48k: () => number | null = () => null,
): Promise<boolean> {
  const { OpusDecoder } = await import("opus-decoder");
  const decoder = new OpusDecoder({
    sampleRate: OPUS_DECODE_RATE,
    channels: head.channels,
    streamCount: head.streamCount,
    coupledStreamCount: head.coupledStreamCount,
    channelMappingTable: head.channelMapping,
    preSkip: head.preSkip,
  });
  await decoder.ready;
  sink.sampleRate = OPUS_DECODE_RATE;
  const before = sink.length;
  try {
    for (const packet of packets) {
      if (packet.length === 0 || packet.length > MAX_PACKET_BYTES) continue;
      const decoded = decoder.decodeFrame(packet);
      if (decoded.samplesDecoded > 0) sink.push(decoded.channelData, decoded.samplesDecoded);
      if (sink.full) break;
      await cooperation.pause();
    }
  } finally {
    decoder.free();
  }
  const total = totalSamples48k();
  if (total !== null && total > head.preSkip) sink.truncateTo(before + Math.round(((total - head.preSkip) * OPUS_DECODE_RATE) / 48_000));
  return sink.length > before;
}
