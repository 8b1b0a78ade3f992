// Deterministic pseudo-random numbers (mulberry32) for generated data — the demo seed, the benchmark's
// CSV, test corpora — so the same seed gives the same data on every machine. Not for anything secret
// (ids and tokens use the CSPRNG in lib/ids.ts).
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
