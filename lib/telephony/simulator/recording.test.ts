// The simulator's two-channel recording: each track lands on its channel at its second, cut at its slot.
import { describe, expect, it } from "vitest";
import { mixRecording } from "@/lib/telephony/simulator/recording";
import { parseWav, pcmDuration, writeWav } from "@/lib/voice/wav";

/** A 16 kHz mono tone of `seconds` (so the mixer has to resample it to 8 kHz). */
function tone(seconds: number): Uint8Array {
  const rate = 16_000;
  const data = Buffer.alloc(Math.round(seconds * rate) * 2);
  for (let i = 0; i < data.length / 2; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12_000), i * 2);
  return writeWav({ sampleRate: rate, channels: 1, bitsPerSample: 16, data });
}

/** Mean absolute amplitude of one channel over [from, to) seconds. */
function level(wav: ReturnType<typeof parseWav>, channel: 0 | 1, from: number, to: number): number {
  const view = new DataView(wav!.data.buffer, wav!.data.byteOffset, wav!.data.byteLength);
  let sum = 0;
  const a = Math.floor(from * 8000);
  const b = Math.floor(to * 8000);
  for (let i = a; i < b; i++) sum += Math.abs(view.getInt16(i * 4 + channel * 2, true));
  return sum / Math.max(1, b - a);
}

describe("mixRecording", () => {
  it("places the agent on the left and the callee on the right, at their offsets, 8 kHz 16-bit stereo", async () => {
    const wav = parseWav(await mixRecording([{ channel: 0, start: 1, audio: tone(1) }, { channel: 1, start: 3, audio: tone(2), maxSeconds: 1 }], 6));
    expect(wav).toMatchObject({ sampleRate: 8000, channels: 2, bitsPerSample: 16 });
    expect(pcmDuration(wav!)).toBeCloseTo(6, 3);
    expect(level(wav, 0, 0, 0.9)).toBe(0);
    expect(level(wav, 0, 1.1, 1.9)).toBeGreaterThan(5000);
    expect(level(wav, 0, 2.1, 6)).toBe(0);
    expect(level(wav, 1, 0, 2.9)).toBe(0);
    expect(level(wav, 1, 3.1, 3.9)).toBeGreaterThan(5000);
    // Cut at its one-second slot, though the audio was two seconds long.
    expect(level(wav, 1, 4.1, 6)).toBe(0);
  });

  it("leaves out what it cannot decode, and ends at the call's length", async () => {
    const wav = parseWav(await mixRecording([{ channel: 0, start: 0, audio: new Uint8Array([1, 2, 3]) }, { channel: 0, start: 1.5, audio: tone(3) }], 2));
    expect(pcmDuration(wav!)).toBeCloseTo(2, 3);
    expect(level(wav, 0, 0, 1.4)).toBe(0);
    expect(level(wav, 0, 1.6, 2)).toBeGreaterThan(5000);
  });
});
