// YIN fundamental-frequency estimation (de Cheveigné & Kawahara, "YIN, a fundamental frequency
// estimator for speech and music", JASA 111(4), 2002), steps 2–5:
//   2. difference function       d(τ)  = Σ_{j<W} (x_j − x_{j+τ})²
//   3. cumulative mean normalised d'(τ) = d(τ) · τ / Σ_{k=1..τ} d(k),  d'(0) = 1
//   4. absolute threshold        the first τ whose d'(τ) dips below the threshold, then down to the
//                                bottom of that dip; with no dip below it, the global minimum (the
//                                caller decides from its d' — the aperiodicity — whether that is voiced)
//   5. parabolic interpolation   of d' around that τ, for a sub-sample period
// Written here rather than taken from `pitchfinder`, which is GPL.

export type YinEstimate = {
  hz: number;
  /** d'(τ) at the chosen lag: 0 for a perfectly periodic frame, near 1 for noise. */
  aperiodicity: number;
  /** Whether the lag came from a dip under the absolute threshold (step 4) rather than the global minimum. */
  belowThreshold: boolean;
};

export type YinOptions = {
  sampleRate: number;
  minHz: number;
  maxHz: number;
  /** Absolute threshold on d'(τ); 0.10–0.15 is usual for speech. */
  threshold: number;
};

/** Scratch buffers reused across frames of one analysis. */
export class Yin {
  private readonly tauMin: number;
  private readonly tauMax: number;
  private readonly diff: Float64Array;

  constructor(private readonly options: YinOptions) {
    this.tauMin = Math.max(2, Math.floor(options.sampleRate / options.maxHz));
    this.tauMax = Math.ceil(options.sampleRate / options.minHz);
    this.diff = new Float64Array(this.tauMax + 2);
  }

  /** Samples a frame needs: the integration window plus the longest lag. */
  minimumFrameLength(window: number): number {
    return window + this.tauMax + 1;
  }

  /**
   * F0 of `frame[start … start+length)`, or null when the best period lies outside [minHz, maxHz].
   * The integration window is what remains of the frame after the longest lag.
   */
  estimate(frame: Float32Array, start: number, length: number): YinEstimate | null {
    const { tauMin, tauMax, diff } = this;
    const window = length - tauMax - 1;
    if (window < tauMax / 2) throw new Error("YIN frame too short for the lowest pitch");
    // Step 2: difference function for τ = 1 … τmax+1 (one past the end, for interpolation).
    diff[0] = 0;
    for (let tau = 1; tau <= tauMax + 1; tau += 1) {
      let sum = 0;
      for (let j = 0; j < window; j += 1) {
        const delta = frame[start + j]! - frame[start + j + tau]!;
        sum += delta * delta;
      }
      diff[tau] = sum;
    }
    // Step 3: cumulative mean normalisation, in place.
    let running = 0;
    diff[0] = 1;
    for (let tau = 1; tau <= tauMax + 1; tau += 1) {
      running += diff[tau]!;
      diff[tau] = running > 0 ? (diff[tau]! * tau) / running : 1;
    }
    // Step 4: absolute threshold, then the local minimum of that dip.
    let tau = tauMin;
    while (tau <= tauMax && diff[tau]! >= this.options.threshold) tau += 1;
    const belowThreshold = tau <= tauMax;
    if (belowThreshold) {
      while (tau + 1 <= tauMax && diff[tau + 1]! < diff[tau]!) tau += 1;
    } else {
      tau = tauMin;
      for (let t = tauMin + 1; t <= tauMax; t += 1) if (diff[t]! < diff[tau]!) tau = t;
    }
    // Step 5: parabolic interpolation through (τ−1, τ, τ+1).
    const before = diff[tau - 1]!;
    const at = diff[tau]!;
    const after = diff[tau + 1]!;
    const curvature = before + after - 2 * at;
    const shift = curvature > 0 ? (before - after) / (2 * curvature) : 0;
    const period = tau + Math.max(-0.5, Math.min(0.5, shift));
    const hz = this.options.sampleRate / period;
    if (hz < this.options.minHz || hz > this.options.maxHz) return null;
    return { hz, aperiodicity: Math.max(0, at - (curvature > 0 ? ((before - after) ** 2) / (8 * curvature) : 0)), belowThreshold };
  }
}
