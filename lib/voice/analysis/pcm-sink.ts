// Decoding helpers: a mono accumulator with a length cap, and cooperative pauses so a long decode
// never holds the event loop for more than a few milliseconds at a time.

/** Collects decoded audio as mono (channels averaged), stopping at `maxSamples`. */
export class MonoSink {
  sampleRate = 0;
  length = 0;
  /** True once more audio arrived than fits under the cap. */
  truncated = false;
  private chunks: Float32Array[] = [];

  constructor(private readonly maxSeconds: number) {}

  get maxSamples(): number {
    return this.sampleRate > 0 ? Math.floor(this.maxSeconds * this.sampleRate) : Number.POSITIVE_INFINITY;
  }

  get full(): boolean {
    return this.length >= this.maxSamples;
  }

  push(channels: readonly Float32Array[], count: number): void {
    const room = this.maxSamples - this.length;
    const n = Math.min(count, room);
    if (count > room) this.truncated = true;
    if (n <= 0 || channels.length === 0) return;
    const out = new Float32Array(n);
    if (channels.length === 1) out.set(channels[0]!.subarray(0, n));
    else {
      for (const channel of channels) for (let i = 0; i < n; i += 1) out[i]! += channel[i]!;
      const scale = 1 / channels.length;
      for (let i = 0; i < n; i += 1) out[i]! *= scale;
    }
    this.chunks.push(out);
    this.length += n;
  }

  /** Drops samples beyond `length` (an encoder's end padding). */
  truncateTo(length: number): void {
    if (length >= this.length) return;
    let kept = 0;
    const chunks: Float32Array[] = [];
    for (const chunk of this.chunks) {
      if (kept >= length) break;
      const take = Math.min(chunk.length, length - kept);
      chunks.push(take === chunk.length ? chunk : chunk.subarray(0, take));
      kept += take;
    }
    this.chunks = chunks;
    this.length = kept;
  }

  /** The audio as one array; copied chunk by chunk with pauses (one 100 MB copy stalls for ~0.3 s). */
  async samples(cooperation: Cooperation): Promise<Float32Array> {
    const out = new Float32Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
      await cooperation.pause();
    }
    this.chunks = [out];
    return out;
  }
}

/** Yields to the event loop once `sliceMs` of synchronous work has passed since the last yield. */
export class Cooperation {
  private last = performance.now();
  constructor(private readonly sliceMs = 10) {}

  async pause(): Promise<void> {
    if (performance.now() - this.last < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
