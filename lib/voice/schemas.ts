import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination";
import { voiceSettingsSchema } from "@/lib/voice/settings";
import { AUDIO_FORMATS } from "@/lib/voice/formats";

export const VOICE_PROVIDERS = ["builtin", "elevenlabs"] as const;
export const VOICE_GENDERS = ["female", "male", "neutral"] as const;
export const VOICE_CATEGORIES = ["professional", "conversational", "narrative"] as const;
export const VOICE_STATUSES = ["training", "ready", "failed"] as const;

/** Characters of text one synthesis takes. */
export const MAX_SPEECH_CHARACTERS = 5000;

export const voiceIdParams = z.object({ voice_id: z.string().min(1).max(64) });

export const listVoicesQuery = paginationQuery(["name", "created_at", "language"]).extend({
  order: z.enum(["asc", "desc"]).default("asc"),
  provider: z.enum(VOICE_PROVIDERS).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Must be a language code such as en or en-US")
    .optional()
    .meta({ description: "A language (en) matches every region of it (en-US, en-GB); a full tag (en-GB) matches exactly" }),
  gender: z.enum(VOICE_GENDERS).optional(),
  category: z.enum(VOICE_CATEGORIES).optional(),
  search: z.string().trim().max(100).optional().meta({ description: "Part of the name or description" }),
});
export type ListVoicesQuery = z.infer<typeof listVoicesQuery>;

export const updateVoiceSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).nullable().optional(),
  settings: voiceSettingsSchema.optional().meta({ description: "The voice's default settings (replaces them)" }),
});
export type UpdateVoiceInput = z.infer<typeof updateVoiceSchema>;

export const generateSpeechSchema = z.strictObject({
  text: z
    .string()
    .max(MAX_SPEECH_CHARACTERS, `At most ${MAX_SPEECH_CHARACTERS} characters`)
    .refine((text) => text.trim().length > 0, { message: "Must contain something to say", params: { code: "VALIDATION_001" } }),
  voice_id: z.string().min(1).max(64),
  settings: voiceSettingsSchema.optional(),
  format: z.enum(AUDIO_FORMATS).optional().meta({ description: "wav or mp3; default: the voice's provider's own (built-in: wav, ElevenLabs: mp3)" }),
});
export type GenerateSpeechInput = z.infer<typeof generateSpeechSchema>;

/** Largest recording a clone takes. */
export const MAX_CLONE_BYTES = 10 * 1024 * 1024;

export const cloneVoiceFieldsSchema = z.object({
  voice_name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  // Checked by the service (a missing or other value is VALIDATION_001 either way: no consent given).
  consent: z.string().max(10).optional().meta({ description: "Must be \"true\": you confirm the speaker's permission to clone their voice" }),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Must be a language tag such as en-US").default("en-US"),
  gender: z.enum(VOICE_GENDERS).optional().meta({ description: "Default: from the measured pitch (built-in), else neutral" }),
  category: z.enum(VOICE_CATEGORIES).default("conversational"),
  provider: z.enum(VOICE_PROVIDERS).optional().meta({ description: "Default: ElevenLabs when configured, else the built-in engine" }),
});
export type CloneVoiceFields = z.infer<typeof cloneVoiceFieldsSchema>;
