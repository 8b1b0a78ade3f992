// Calibrates builtinCloneParams (./clone-params.ts) against the built-in engine itself: espeak speaks
// a fixed passage for each clone variant at a ladder of pitch settings (and, for pace, a ladder of
// rates); this module's own analyzeSpeech measures what came out; least squares fits
//   ln(median F0) = intercept + slope × pitch      per variant (espeak's pitch scale is close to
//                                                  exponential: a line in Hz misses mid-scale by ~15 %)
//   measured wpm  = intercept + slope × rate       over 80–300 wpm (syllable nuclei merge above that)
// and, per espeak voice, the ratio of its pace to en-us at the same settings; it prints
// the constants with the worst residuals. Paste them into CALIBRATION in ./clone-params.ts.
//
//   node --conditions=react-server --import tsx lib/voice/analysis/calibrate.ts
//
// Takes ~15 s. The female variant's output differs slightly from run to run (espeak-ng adds breath
// noise from an unseeded generator), which moves its fit in the fourth decimal; m3 is bit-exact.
import { analyzeSpeech } from "@/lib/voice/analysis/analyze";
import { CALIBRATION_PASSAGE, CALIBRATION_RANGE, CLONE_VARIANTS, VOICE_BY_LANGUAGE, VOICE_BY_TAG } from "@/lib/voice/analysis/clone-params";
import { decodeRecording } from "@/lib/voice/analysis/decode";
import { sampleText } from "@/lib/voice/builtin/catalogue";
import { synthesizeWithEspeak } from "@/lib/voice/builtin/espeak";

const PITCHES = [0, 11, 22, 33, 44, 55, 66, 77, 88, 99];
const RATES = [80, 110, 140, 170, 200, 230, 260, 300];
const EXTRA_RATES = [350, 400, 450];
const REFERENCE = { voice: "en-us", rate: 175, pitch: 50 };

async function measure(voice: string, variant: string, rate: number, pitch: number, text = CALIBRATION_PASSAGE) {
  const wav = await synthesizeWithEspeak(text, { voice, variant, rate, pitch, range: CALIBRATION_RANGE });
  const pcm = await decodeRecording(wav);
  if (!pcm) throw new Error("espeak produced undecodable audio");
  return analyzeSpeech(pcm);
}

function fitLine(points: Array<[number, number]>): { intercept: number; slope: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

const round = (n: number, places = 5) => Math.round(n * 10 ** places) / 10 ** places;

async function main() {
  const pitch: Record<string, { intercept: number; slope: number }> = {};
  for (const variant of Object.values(CLONE_VARIANTS)) {
    const points: Array<[number, number]> = [];
    for (const p of PITCHES) {
      const analysis = await measure(REFERENCE.voice, variant, REFERENCE.rate, p);
      if (analysis.medianPitchHz === null) throw new Error(`${variant} p${p}: no pitch measured`);
      points.push([p, Math.log(analysis.medianPitchHz)]);
      console.log(`pitch  ${variant} p=${String(p).padStart(2)}  median F0 ${analysis.medianPitchHz.toFixed(1)} Hz  (${analysis.pitchSamples} frames)`);
    }
    const line = fitLine(points);
    const worst = Math.max(...points.map(([x, y]) => Math.abs(Math.exp(line.intercept + line.slope * x) / Math.exp(y) - 1)));
    console.log(`  fit ${variant}: ln F0 = ${line.intercept.toFixed(5)} + ${line.slope.toFixed(6)} × pitch; worst residual ${(worst * 100).toFixed(1)} %`);
    pitch[variant] = { intercept: round(line.intercept), slope: round(line.slope, 6) };
  }

  const ratePoints: Array<[number, number]> = [];
  for (const variant of Object.values(CLONE_VARIANTS)) {
    for (const rate of [...RATES, ...EXTRA_RATES]) {
      const analysis = await measure(REFERENCE.voice, variant, rate, REFERENCE.pitch);
      console.log(`rate   ${variant} -s ${String(rate).padStart(3)}  measured ${analysis.wordsPerMinute.toFixed(0)} wpm (${analysis.syllables} syllables in ${analysis.speechSeconds.toFixed(2)} s of speech)`);
      if (RATES.includes(rate)) ratePoints.push([rate, analysis.wordsPerMinute]);
    }
  }
  const rate = fitLine(ratePoints);
  const worstRate = Math.max(...ratePoints.map(([x, y]) => Math.abs((rate.intercept + rate.slope * x) / y - 1)));
  console.log(`  fit rate: measured wpm = ${rate.intercept.toFixed(2)} + ${rate.slope.toFixed(4)} × espeak rate; worst residual ${(worstRate * 100).toFixed(1)} %`);

  // How each espeak voice moves pitch and pace against en-us, speaking its language's sample sentence.
  const voices = [...new Set([...Object.values(VOICE_BY_LANGUAGE), ...Object.values(VOICE_BY_TAG)])];
  const languageOf = (voice: string) => Object.entries(VOICE_BY_LANGUAGE).find(([, v]) => v === voice)?.[0] ?? voice.split("-")[0]!;
  const sums: Record<string, { pitch: number; pace: number }> = {};
  for (const voice of voices) {
    sums[voice] = { pitch: 0, pace: 0 };
    for (const variant of Object.values(CLONE_VARIANTS)) {
      const analysis = await measure(voice, variant, REFERENCE.rate, REFERENCE.pitch, sampleText(languageOf(voice), "Alex"));
      sums[voice].pitch += Math.log(analysis.medianPitchHz ?? Number.NaN);
      sums[voice].pace += Math.log(analysis.wordsPerMinute);
      console.log(`language ${voice.padEnd(6)} ${variant}: median F0 ${analysis.medianPitchHz?.toFixed(1)} Hz, ${analysis.wordsPerMinute.toFixed(0)} wpm`);
    }
  }
  const variants = Object.values(CLONE_VARIANTS).length;
  const english = sums["en-us"]!;
  const pace: Record<string, number> = {};
  for (const voice of voices.filter((v) => v !== "en-us")) {
    pace[voice] = round(Math.exp((sums[voice]!.pace - english.pace) / variants), 2);
    // Reported, not applied: per-language pitch ratios move with the sentence (see clone-params.ts).
    console.log(`  ${voice}: pace × ${pace[voice]}, pitch × ${round(Math.exp((sums[voice]!.pitch - english.pitch) / variants), 2)} (pitch not applied)`);
  }

  console.log("\nCALIBRATION =", JSON.stringify({ pitch, rate: { intercept: round(rate.intercept, 3), slope: round(rate.slope, 5) }, pace }, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
