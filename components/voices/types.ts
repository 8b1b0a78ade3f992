// The voice library's wire shapes, from the server's zod schemas (response schemas in
// lib/voice/operations.ts, request schemas in lib/voice/schemas.ts, settings in lib/voice/settings.ts).
// Types only: those modules are shared with the server. Only client-side state (list filters) is
// written here.
import type { cloneStartedResponse, generatedSpeechResponse, voiceResponse } from "@/lib/voice/operations";
import type {
  VOICE_CATEGORIES,
  VOICE_GENDERS,
  VOICE_PROVIDERS,
  VOICE_STATUSES,
  cloneVoiceFieldsSchema,
  generateSpeechSchema,
  listVoicesQuery,
  updateVoiceSchema,
} from "@/lib/voice/schemas";
import type { SettingKey, VoiceSettings } from "@/lib/voice/settings";
import type { z } from "zod";

export type Voice = z.output<typeof voiceResponse>;
export type GeneratedSpeech = z.output<typeof generatedSpeechResponse>;
export type CloneStarted = z.output<typeof cloneStartedResponse>;

export type VoiceProvider = (typeof VOICE_PROVIDERS)[number];
export type VoiceGender = (typeof VOICE_GENDERS)[number];
export type VoiceCategory = (typeof VOICE_CATEGORIES)[number];
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
export type { SettingKey, VoiceSettings };

export type VoiceSort = z.input<typeof listVoicesQuery>["sort"];

export type VoiceListFilters = {
  search?: string;
  provider?: VoiceProvider;
  language?: string;
  gender?: VoiceGender;
  category?: VoiceCategory;
  sort?: NonNullable<VoiceSort>;
  order?: "asc" | "desc";
  page: number;
  limit: number;
};

export type GenerateSpeechBody = z.input<typeof generateSpeechSchema>;
export type UpdateVoiceBody = z.input<typeof updateVoiceSchema>;
/** The clone form's fields as POST /api/voice/clone reads them (multipart, so every value is text). */
export type CloneVoiceFieldsInput = z.input<typeof cloneVoiceFieldsSchema>;
export type CloneVoiceFieldsOutput = z.output<typeof cloneVoiceFieldsSchema>;
