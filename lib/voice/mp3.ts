// MP3 duration from the frames themselves (ElevenLabs' mp3 output has no duration field): walk the
// MPEG audio frames after any ID3v2 tag and add up their samples. Layer III only, which is what
// speech services return; anything else is "not an MP3" (null).

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export function mp3Duration(bytes: Uint8Array): number | null {
  let at = 0;
  if (bytes.length >= 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    // ID3v2: a 10-byte header whose size is four 7-bit bytes.
    const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
    at = 10 + size;
  }
  let samples = 0;
  let sampleRate = 0;
  let frames = 0;
  while (at + 4 <= bytes.length) {
    const b1 = bytes[at + 1]!;
    const b2 = bytes[at + 2]!;
    if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) {
      if (frames > 0) break; // trailing tag (ID3v1, APE) after the last frame
      at += 1; // leading garbage before the first frame
      continue;
    }
    const version = (b1 >> 3) & 0x03; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    const layer = (b1 >> 1) & 0x03; // 1 = Layer III
    const bitrateIndex = (b2 >> 4) & 0x0f;
    const rateIndex = (b2 >> 2) & 0x03;
    if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
      if (frames > 0) break;
      at += 1;
      continue;
    }
    const rate = SAMPLE_RATES[version]![rateIndex]!;
    const bitrate = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex]! * 1000;
    const perFrame = version === 3 ? 1152 : 576;
    const padding = (b2 >> 1) & 0x01;
    const length = Math.floor(((perFrame / 8) * bitrate) / rate) + padding;
    if (length < 4) break;
    samples += perFrame;
    sampleRate = rate;
    frames += 1;
    at += length;
  }
  return frames > 0 ? samples / sampleRate : null;
}
