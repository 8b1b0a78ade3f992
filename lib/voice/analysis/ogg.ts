// A small Ogg demuxer (RFC 3533): pages → the packets of one logical stream. Enough for a recording:
// the first stream whose identification packet names a codec we decode (Opus or Vorbis) is chosen;
// other streams (a video track, a second audio track) are ignored. Page CRCs are not checked — a
// damaged packet fails in the decoder, which skips it. Packets are produced lazily, so a caller can
// decode as it reads and stop early.

export type OggCodec = "opus" | "vorbis";

export type OggStream = {
  codec: OggCodec;
  /** Every complete packet of the stream, in order; the first is the identification header. */
  packets: Uint8Array[];
  /** Granule position of the stream's last page when that page ends the stream (EOS), else null. */
  finalGranule: number | null;
};

const isOggPage = (bytes: Uint8Array, at: number) =>
  bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53; // "OggS"

function codecOf(packet: Uint8Array): OggCodec | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...packet.subarray(from, to));
  if (packet.length >= 19 && ascii(0, 8) === "OpusHead") return "opus";
  if (packet.length >= 30 && packet[0] === 0x01 && ascii(1, 7) === "vorbis") return "vorbis";
  return null;
}

function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export class OggDemuxer {
  /** The chosen stream's codec, known once its first packet has been read. */
  codec: OggCodec | null = null;
  /** Set when the chosen stream's last page (EOS) has been read. */
  finalGranule: number | null = null;

  constructor(private readonly bytes: Uint8Array) {}

  /** The chosen stream's packets, headers included, as they are read. */
  *packets(): Generator<Uint8Array, void, undefined> {
    const bytes = this.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let serial: number | null = null;
    const rejected = new Set<number>();
    let partial: Uint8Array[] = []; // the pieces of a packet that continues on the next page
    let at = 0;
    while (at + 27 <= bytes.length) {
      if (!isOggPage(bytes, at)) {
        at += 1; // resynchronise after damage: look for the next capture pattern
        continue;
      }
      const headerType = bytes[at + 5]!;
      const granuleLow = view.getUint32(at + 6, true);
      const granuleHigh = view.getInt32(at + 10, true);
      const pageSerial = view.getUint32(at + 14, true);
      const segments = bytes[at + 26]!;
      const bodyStart = at + 27 + segments;
      if (bodyStart > bytes.length) return;
      let bodyLength = 0;
      for (let i = 0; i < segments; i += 1) bodyLength += bytes[at + 27 + i]!;
      if (bodyStart + bodyLength > bytes.length) return; // truncated page: its packets are incomplete
      const pageStart = at;
      at = bodyStart + bodyLength;

      if (rejected.has(pageSerial) || (serial !== null && serial !== pageSerial)) continue;
      if (serial === null && (headerType & 0x02) === 0) continue; // the middle of a stream we never saw begin

      // Split the page body into packets: a lacing value below 255 ends a packet.
      const packets: Uint8Array[] = [];
      let offset = bodyStart;
      let pieceStart = bodyStart;
      if ((headerType & 0x01) === 0) partial = []; // not a continuation: drop any dangling piece
      for (let i = 0; i < segments; i += 1) {
        const lacing = bytes[pageStart + 27 + i]!;
        offset += lacing;
        if (lacing < 255) {
          partial.push(bytes.subarray(pieceStart, offset));
          packets.push(concat(partial));
          partial = [];
          pieceStart = offset;
        }
      }
      if (pieceStart < offset) partial.push(bytes.subarray(pieceStart, offset));

      if (serial === null) {
        const codec = packets[0] ? codecOf(packets[0]) : null;
        if (!codec) {
          rejected.add(pageSerial);
          partial = [];
          continue;
        }
        serial = pageSerial;
        this.codec = codec;
      }
      yield* packets;
      if ((headerType & 0x04) !== 0) {
        if (granuleHigh >= 0) this.finalGranule = granuleHigh * 2 ** 32 + granuleLow;
        return; // end of the chosen stream
      }
    }
  }
}

/** The first Opus or Vorbis stream of an Ogg file, read whole; null when there is none. */
export function demuxOgg(bytes: Uint8Array): OggStream | null {
  const demuxer = new OggDemuxer(bytes);
  const packets = [...demuxer.packets()];
  return demuxer.codec ? { codec: demuxer.codec, packets, finalGranule: demuxer.finalGranule } : null;
}
