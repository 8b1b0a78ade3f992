// WAV (RIFF, PCM) reading and writing, enough for the speech engines: the built-in engine writes
// 16-bit mono WAV, ElevenLabs returns raw PCM that is wrapped here, and durations are measured from
// the data chunk rather than estimated from the text.

export type Pcm = { sampleRate: number; channels: number; bitsPerSample: number; data: Uint8Array };

/** The fmt and data chunks of a PCM WAV file; null when it is not one. */
export function parseWav(bytes: Uint8Array): Pcm | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (tag(0) !== "RIFF" || tag(8) !== "WAVE") return null;
  let format: Omit<Pcm, "data"> | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    // A streaming writer may leave a chunk's size at 0 or 0xFFFFFFFF: the data then runs to the end.
    let size = view.getUint32(at + 4, true);
    if (id === "data" && (size === 0 || at + 8 + size > bytes.length)) size = bytes.length - at - 8;
    if (id === "fmt " && size >= 16) {
      const audioFormat = view.getUint16(at + 8, true);
      if (audioFormat !== 1 && audioFormat !== 0xfffe) return null; // PCM (or extensible PCM) only
      format = { channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), bitsPerSample: view.getUint16(at + 22, true) };
    } else if (id === "data") {
      if (!format || !format.sampleRate || !format.channels || !format.bitsPerSample) return null;
      return { ...format, data: bytes.subarray(at + 8, at + 8 + size) };
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

export function pcmDuration(pcm: Pcm): number {
  return pcm.data.length / (pcm.sampleRate * pcm.channels * (pcm.bitsPerSample / 8));
}

/** A canonical 44-byte-header WAV around PCM samples. */
export function writeWav(pcm: Pcm): Buffer {
  const header = Buffer.alloc(44);
  const blockAlign = pcm.channels * (pcm.bitsPerSample / 8);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(pcm.channels, 22);
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(pcm.bitsPerSample, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.data.length, 40);
  return Buffer.concat([header, pcm.data]);
}
