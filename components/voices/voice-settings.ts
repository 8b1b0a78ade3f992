// The "Try a voice" controls for each provider: which settings it honours and their ranges come from
// the server's one settings schema (lib/voice/settings.ts: the shared range, narrowed per provider);
// only the words, the step and the neutral value are the dashboard's.
import { SETTINGS_RULES, voiceSettingsSchema } from "@/lib/voice/settings";
import type { SettingKey, VoiceProvider, VoiceSettings } from "@/components/voices/types";

type Copy = { label: string; hint: string };

const COPY: Record<SettingKey, Copy> = {
  speed: { label: "Speed", hint: "Speaking rate; 100% is the voice's normal pace." },
  pitch: { label: "Pitch", hint: "How high the voice sounds; 100% is its own pitch." },
  stability: { label: "Stability", hint: "Higher is steadier and more even; lower is more expressive." },
  similarity_boost: { label: "Similarity", hint: "How closely to stick to the original voice." },
  style: { label: "Style", hint: "Exaggerates the speaker's style; 0% is the most stable." },
  use_speaker_boost: { label: "Speaker boost", hint: "Sharpens the likeness to the original speaker (slightly slower)." },
};

/** Used when a voice names no default for a setting it honours. */
const NEUTRAL: Required<VoiceSettings> = { speed: 1, pitch: 1, stability: 0.5, similarity_boost: 0.75, style: 0, use_speaker_boost: true };

export type SliderSpec = Copy & { key: Exclude<SettingKey, "use_speaker_boost">; kind: "slider"; min: number; max: number; step: number };
export type ToggleSpec = Copy & { key: "use_speaker_boost"; kind: "toggle" };
export type SettingSpec = SliderSpec | ToggleSpec;

function schemaRange(key: Exclude<SettingKey, "use_speaker_boost">): { min: number; max: number } {
  const number = voiceSettingsSchema.shape[key].unwrap();
  return { min: number.minValue ?? 0, max: number.maxValue ?? 1 };
}

/** The settings a provider honours, in its own order, with its limits. */
export function settingSpecs(provider: VoiceProvider): SettingSpec[] {
  const rules: { honours: readonly SettingKey[]; limits?: Partial<Record<SettingKey, { min: number; max: number }>> } = SETTINGS_RULES[provider];
  return rules.honours.map((key): SettingSpec => {
    if (key === "use_speaker_boost") return { key, kind: "toggle", ...COPY[key] };
    const range = rules.limits?.[key] ?? schemaRange(key);
    return { key, kind: "slider", ...range, step: 0.05, ...COPY[key] };
  });
}

/** What a control shows before it is touched: the voice's default, else the neutral value (within range). */
export function initialValue<K extends SettingKey>(key: K, defaults: VoiceSettings, spec?: SettingSpec): Required<VoiceSettings>[K] {
  const value = (defaults[key] ?? NEUTRAL[key]) as Required<VoiceSettings>[K];
  if (spec?.kind === "slider" && typeof value === "number") return Math.min(spec.max, Math.max(spec.min, value)) as Required<VoiceSettings>[K];
  return value;
}
