// Voice settings: one schema for every key any provider understands, with each key's range, then per
// provider which keys it honours and its own narrower limits. A key the chosen voice's provider cannot
// honour is accepted and reported back as ignored (the spec's example sends ElevenLabs' stability and
// similarity_boost to any voice); a key no provider knows is a validation error.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

export const voiceSettingsSchema = z
  .strictObject({
    stability: z.number().min(0).max(1).meta({ description: "0–1. ElevenLabs: voice stability. Built-in: steadiness of the pitch (higher moves less)" }),
    similarity_boost: z.number().min(0).max(1).meta({ description: "0–1 (ElevenLabs)" }),
    style: z.number().min(0).max(1).meta({ description: "0–1 (ElevenLabs)" }),
    use_speaker_boost: z.boolean().meta({ description: "ElevenLabs" }),
    speed: z.number().min(0.5).max(2).meta({ description: "Speaking rate multiplier: built-in 0.5–2, ElevenLabs 0.7–1.2" }),
    pitch: z.number().min(0.5).max(1.5).meta({ description: "Pitch multiplier, 0.5–1.5 (built-in)" }),
  })
  .partial()
  .meta({ id: "VoiceSettings" });

export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
export type SettingKey = keyof VoiceSettings;

export type ProviderSettingsRules = {
  honours: readonly SettingKey[];
  /** Narrower limits than the shared schema's, per key. */
  limits?: Partial<Record<SettingKey, { min: number; max: number }>>;
};

export const SETTINGS_RULES = {
  builtin: { honours: ["speed", "pitch", "stability"] },
  elevenlabs: {
    honours: ["stability", "similarity_boost", "style", "use_speaker_boost", "speed"],
    limits: { speed: { min: 0.7, max: 1.2 } },
  },
} as const satisfies Record<string, ProviderSettingsRules>;

export type ProviderId = keyof typeof SETTINGS_RULES;

/**
 * The settings a synthesis uses: the voice's defaults overlaid with the request's honoured keys.
 * Returns the keys it ignored; a value outside the provider's own limits is VALIDATION_003.
 */
export function resolveSettings(
  provider: ProviderId,
  defaults: VoiceSettings,
  requested: VoiceSettings | undefined,
  field = "settings",
): { settings: VoiceSettings; ignored: SettingKey[] } {
  const rules: ProviderSettingsRules = SETTINGS_RULES[provider];
  const settings: VoiceSettings = {};
  for (const key of rules.honours) if (defaults[key] !== undefined) Object.assign(settings, { [key]: defaults[key] });
  const ignored: SettingKey[] = [];
  for (const [key, value] of Object.entries(requested ?? {}) as [SettingKey, VoiceSettings[SettingKey]][]) {
    if (value === undefined) continue;
    if (!rules.honours.includes(key)) {
      ignored.push(key);
      continue;
    }
    const limit = rules.limits?.[key];
    if (limit && typeof value === "number" && (value < limit.min || value > limit.max)) {
      throw new ApiError("VALIDATION_003", `${field}.${key}: must be between ${limit.min} and ${limit.max} for ${provider} voices`, {
        fields: [{ field: `${field}.${key}`, code: "VALIDATION_003", message: `Must be between ${limit.min} and ${limit.max}` }],
      });
    }
    Object.assign(settings, { [key]: value });
  }
  return { settings, ignored };
}
