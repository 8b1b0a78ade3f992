// A small WebM/Matroska demuxer: the audio frames of one track, as a browser's MediaRecorder writes
// them (Chrome and Firefox: `audio/webm;codecs=opus`). MediaRecorder streams, so the Segment and each
// Cluster have an "unknown" size and there are no Cues; this reader therefore walks the file as a flat
// sequence of elements, stepping *into* the container elements it needs (Segment, Tracks, TrackEntry,
// Audio, Cluster, BlockGroup) and over everything else, which makes unknown sizes harmless. Frames come
// from SimpleBlocks and Blocks, with Xiph, fixed-size and EBML lacing.

export type WebmTrack = {
  number: number;
  /** 1 video, 2 audio. */
  type: number | null;
  /** Matroska codec id, e.g. "A_OPUS". */
  codecId: string | null;
  codecPrivate: Uint8Array | null;
  /** Nanoseconds of decoder delay (Opus pre-skip). */
  codecDelay: number | null;
  channels: number | null;
  samplingFrequency: number | null;
};

export type WebmContent = { tracks: WebmTrack[]; frames: Map<number, Uint8Array[]> };

const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  audio: 0xe1,
  blockGroup: 0xa0,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  codecDelay: 0x56aa,
  channels: 0x9f,
  samplingFrequency: 0xb5,
  simpleBlock: 0xa3,
  block: 0xa1,
} as const;

const CONTAINERS = new Set<number>([ID.segment, ID.cluster, ID.tracks, ID.trackEntry, ID.audio, ID.blockGroup]);

type Vint = { value: number; length: number; unknown: boolean };

/** An EBML variable-length integer; `keepMarker` for element ids (which keep their length bit). */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null; // longer than 8 bytes: not EBML
  const length = Math.clz32(first) - 23; // 1..8
  if (at + length > bytes.length) return null;
  const mask = 0xff >> length;
  let value = keepMarker ? first : first & mask;
  let allOnes = (first & mask) === mask;
  for (let i = 1; i < length; i += 1) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

const readUint = (data: Uint8Array) => data.reduce((value, byte) => value * 256 + byte, 0);

function readFloat(data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length === 4) return view.getFloat32(0);
  if (data.length === 8) return view.getFloat64(0);
  return null;
}

/** The frames inside one (Simple)Block, after its track number, timecode and flags. */
function blockFrames(data: Uint8Array): { track: number; frames: Uint8Array[] } | null {
  const track = readVint(data, 0, false);
  if (!track || data.length < track.length + 3) return null;
  const flags = data[track.length + 2]!;
  let at = track.length + 3;
  const lacing = (flags >> 1) & 0x03; // 0 none, 1 Xiph, 2 fixed-size, 3 EBML
  if (lacing === 0) return { track: track.value, frames: [data.subarray(at)] };
  if (at >= data.length) return null;
  const count = data[at]! + 1;
  at += 1;
  const sizes: number[] = [];
  if (lacing === 1) {
    for (let i = 0; i < count - 1; i += 1) {
      let size = 0;
      let byte: number;
      do {
        byte = data[at++] ?? -1;
        if (byte < 0) return null;
        size += byte;
      } while (byte === 255);
      sizes.push(size);
    }
  } else if (lacing === 3) {
    const first = readVint(data, at, false);
    if (!first) return null;
    at += first.length;
    sizes.push(first.value);
    for (let i = 1; i < count - 1; i += 1) {
      const delta = readVint(data, at, false);
      if (!delta) return null;
      at += delta.length;
      // Signed: subtract half the range of a vint of this length.
      sizes.push(sizes[i - 1]! + delta.value - (2 ** (7 * delta.length - 1) - 1));
    }
  } else {
    const each = (data.length - at) / count;
    if (!Number.isInteger(each)) return null;
    for (let i = 0; i < count - 1; i += 1) sizes.push(each);
  }
  const frames: Uint8Array[] = [];
  for (const size of sizes) {
    if (size < 0 || at + size > data.length) return null;
    frames.push(data.subarray(at, at + size));
    at += size;
  }
  frames.push(data.subarray(at)); // the last frame takes what is left
  return { track: track.value, frames };
}

export type WebmBlock = { track: number; frames: Uint8Array[] };

/**
 * Walks a WebM/Matroska file, filling `tracks` as their entries are read and yielding each block's
 * frames as it comes (Tracks precede Clusters, so a block's track is known by then). Reading stops
 * quietly at truncation or damage.
 */
export function* readWebm(bytes: Uint8Array, tracks: WebmTrack[]): Generator<WebmBlock, void, undefined> {
  let current: WebmTrack | null = null;
  let at = 0;
  while (at < bytes.length) {
    const id = readVint(bytes, at, true);
    if (!id) return;
    const size = readVint(bytes, at + id.length, false);
    if (!size) return;
    const start = at + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      if (id.value === ID.trackEntry) {
        current = { number: 0, type: null, codecId: null, codecPrivate: null, codecDelay: null, channels: null, samplingFrequency: null };
        tracks.push(current);
      }
      at = start; // step inside
      continue;
    }
    if (size.unknown) return; // only containers may have an unknown size
    const end = start + size.value;
    if (end > bytes.length) return; // truncated element
    const data = bytes.subarray(start, end);
    at = end;
    switch (id.value) {
      case ID.simpleBlock:
      case ID.block: {
        const block = blockFrames(data);
        if (block) yield block;
        break;
      }
      case ID.trackNumber:
        if (current) current.number = readUint(data);
        break;
      case ID.trackType:
        if (current) current.type = readUint(data);
        break;
      case ID.codecId:
        if (current) current.codecId = new TextDecoder().decode(data).replace(/\0+$/, "");
        break;
      case ID.codecPrivate:
        if (current) current.codecPrivate = data;
        break;
      case ID.codecDelay:
        if (current) current.codecDelay = readUint(data);
        break;
      case ID.channels:
        if (current) current.channels = readUint(data);
        break;
      case ID.samplingFrequency:
        if (current) current.samplingFrequency = readFloat(data);
        break;
    }
  }
}

/** Tracks and per-track frames of a whole WebM/Matroska file. */
export function demuxWebm(bytes: Uint8Array): WebmContent {
  const tracks: WebmTrack[] = [];
  const frames = new Map<number, Uint8Array[]>();
  for (const block of readWebm(bytes, tracks)) {
    const list = frames.get(block.track) ?? [];
    list.push(...block.frames);
    frames.set(block.track, list);
  }
  return { tracks, frames };
}
