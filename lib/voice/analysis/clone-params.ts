// A recording's measurements → the built-in engine's parameters for an offline clone: the espeak voice
// for the language, a male or female variant by pitch, the espeak pitch setting whose output has the
// speaker's median F0, and the espeak rate whose output has the speaker's pace — both read off lines
// fitted to espeak's own output as this module measures it (./calibrate.ts), so a clone of espeak
// speech comes back at the same pitch and pace. The clone matches pitch and pace, not timbre.
import type { SpeechAnalysis } from "@/lib/voice/analysis/analyze";

export type BuiltinCloneParams = { voice: string; variant: string; rate: number; pitch: number };

/** The espeak variants a clone speaks with. */
export const CLONE_VARIANTS = { male: "m3", female: "f3" } as const;

/**
 * Median F0 from which the female variant is used: between typical adult male (≈85–155 Hz) and female
 * (≈165–255 Hz) speaking pitch, and inside both variants' reach (m3 ≈69–172 Hz, f3 ≈149–335 Hz).
 */
export const FEMALE_VARIANT_FROM_HZ = 165;

/**
 * The pitch range the calibration used. Clones are created with stability 0.5, which the built-in
 * provider turns into range "medium" (rangeForStability); the range moves the median F0, so a clone
 * spoken at another stability drifts from the measured pitch.
 */
export const CALIBRATION_RANGE = "medium" as const;

/** The passage the calibration speaks (40 words, 52 syllables). */
export const CALIBRATION_PASSAGE =
  "Good morning, and thank you for taking my call today. I wanted to tell you about a new offer on your account, which could save you some money every month. If you have a minute, I can explain how it works.";

/**
 * Fitted by ./calibrate.ts (espeak-ng 1.0.2 npm package, voice en-us, range "medium"; rate 175 for the
 * pitch ladder 0, 11 … 99, pitch 50 for the rate ladder 80–300; median F0 and words per minute as
 * analyzeSpeech measures them):
 *   pitch: ln(median F0 in Hz) = intercept + slope × espeak pitch, per variant
 *   rate:  measured words per minute = intercept + slope × espeak rate (both variants together)
 *   pace: each espeak voice against en-us at the same settings (pitch 50, rate 175, both variants,
 *     the catalogue's sample sentence in that language): ratio of measured words per minute. Spanish
 *     and Portuguese pack ~20 % more syllables into espeak's "words"; dividing by the ratio keeps a
 *     clone at the speaker's pace. Pitch is not corrected per language: the same run measured other
 *     languages 0–10 % lower than English, but two German sentences already differ by 8 % (−10 % and
 *     −2 % against English), so that is intonation of the text, not a property of the voice.
 */
export const CALIBRATION = {
  pitch: {
    m3: { intercept: 4.20841, slope: 0.009219 }, // 69.2 Hz at 0 … 172.4 Hz at 99; worst residual 2.8 %
    f3: { intercept: 4.96952, slope: 0.008172 }, // 149.4 Hz at 0 … 335.6 Hz at 99; worst residual 3.6 %
  } as Record<string, { intercept: number; slope: number }>,
  // -s 80 → 112–113 wpm measured, 170 → 189–210, 300 → 271–285; worst residual 10.4 %. Above 300
  // syllables start to merge (350–450 all read ≈290–335), so the fit stops there.
  rate: { intercept: 64.768, slope: 0.73173 },
  pace: {
    en: 1,
    es: 1.17,
    "es-419": 1.08,
    fr: 1.04,
    de: 1,
    "pt-br": 1.18,
    pt: 1.23,
    it: 1.02,
    hi: 1.12,
  } as Record<string, number>,
};

const ESPEAK_PITCH = { min: 0, max: 99 };
const ESPEAK_RATE = { min: 80, max: 450 };
const DEFAULT_RATE = 175;
const DEFAULT_PITCH = 50;

/**
 * Exact tags first, then the language alone; unknown languages speak American English. Names are
 * espeak voice *files*: "en-gb", "fr-fr" and "pt-pt" are only language names there, and espeak-ng
 * ignores a variant given with them ("fr-fr+f3" speaks exactly like "fr-fr" — checked by the test),
 * so British English is "en" (the British voice), French "fr", European Portuguese "pt".
 */
export const VOICE_BY_TAG: Record<string, string> = { "en-us": "en-us", "en-gb": "en", "pt-br": "pt-br", "pt-pt": "pt", "es-mx": "es-419", "es-419": "es-419" };
export const VOICE_BY_LANGUAGE: Record<string, string> = { en: "en-us", es: "es", fr: "fr", de: "de", pt: "pt-br", it: "it", hi: "hi" };

/** The espeak voice for a BCP 47 tag, e.g. en-GB → "en", pt-BR → "pt-br", fr-CA → "fr". */
export function espeakVoiceFor(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  return VOICE_BY_TAG[tag] ?? VOICE_BY_LANGUAGE[tag.split("-")[0]!] ?? "en-us";
}

const clamp = (value: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, value));

export function builtinCloneParams(analysis: Pick<SpeechAnalysis, "medianPitchHz" | "wordsPerMinute">, language: string): BuiltinCloneParams {
  const voice = espeakVoiceFor(language);
  const f0 = analysis.medianPitchHz;
  const variant = f0 !== null && f0 >= FEMALE_VARIANT_FROM_HZ ? CLONE_VARIANTS.female : CLONE_VARIANTS.male;
  const line = CALIBRATION.pitch[variant]!;
  const pitch = f0 === null || !(f0 > 0) ? DEFAULT_PITCH : Math.round(clamp((Math.log(f0) - line.intercept) / line.slope, ESPEAK_PITCH));
  const wpm = analysis.wordsPerMinute / (CALIBRATION.pace[voice] ?? 1);
  const rate = wpm > 0 && Number.isFinite(wpm) ? Math.round(clamp((wpm - CALIBRATION.rate.intercept) / CALIBRATION.rate.slope, ESPEAK_RATE)) : DEFAULT_RATE;
  return { voice, variant, rate, pitch };
}
