// Words for the voice library's enums, and languages by name ("English (United States)") from the
// browser's own Intl data. Called only once data has loaded (client side), so server and browser
// never disagree during hydration.
import { formatNumber } from "@/lib/client/format";
import type { VoiceCategory, VoiceGender, VoiceProvider } from "@/components/voices/types";

export const PROVIDER_LABELS: Record<VoiceProvider, string> = { builtin: "Built-in", elevenlabs: "ElevenLabs" };
export const GENDER_LABELS: Record<VoiceGender, string> = { female: "Female", male: "Male", neutral: "Neutral" };
export const CATEGORY_LABELS: Record<VoiceCategory, string> = {
  professional: "Professional",
  conversational: "Conversational",
  narrative: "Narrative",
};

let names: Intl.DisplayNames | null | undefined;

/** "English (United States)" for en-US; the tag itself when the browser has no name for it. */
export function languageName(tag: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(undefined, { type: "language", languageDisplay: "standard" });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The language part of a tag: "en" for en-US. */
export function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

export type LanguageGroup = { base: string; name: string; tags: string[] };

/**
 * Filter options from the languages the library has: one group per language ("English": every region,
 * then each region), sorted by name.
 */
export function languageGroups(tags: Iterable<string>): LanguageGroup[] {
  const byBase = new Map<string, Set<string>>();
  for (const tag of tags) {
    const base = baseLanguage(tag);
    if (!byBase.has(base)) byBase.set(base, new Set());
    if (tag.includes("-")) byBase.get(base)!.add(tag);
  }
  return [...byBase.entries()]
    .map(([base, regional]) => ({
      base,
      name: languageName(base),
      tags: [...regional].sort((a, b) => languageName(a).localeCompare(languageName(b))),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Languages a clone can be recorded in: the library's, plus common ones. */
export const COMMON_LANGUAGE_TAGS = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-IN",
  "es-ES",
  "es-MX",
  "fr-FR",
  "fr-CA",
  "de-DE",
  "it-IT",
  "pt-BR",
  "pt-PT",
  "nl-NL",
  "pl-PL",
  "hi-IN",
  "ja-JP",
  "zh-CN",
] as const;

/** A position or length in audio as a clock: "0:07", "1:05". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  return `${formatNumber(Math.floor(whole / 60))}:${String(whole % 60).padStart(2, "0")}`;
}
