// The spec's Voice Service as the OpenAPI document describes it (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { voiceSettingsSchema } from "@/lib/voice/settings";
import { AUDIO_FORMATS } from "@/lib/voice/formats";
import {
  VOICE_CATEGORIES,
  VOICE_GENDERS,
  VOICE_PROVIDERS,
  VOICE_STATUSES,
  cloneVoiceFieldsSchema,
  generateSpeechSchema,
  listVoicesQuery,
  updateVoiceSchema,
  voiceIdParams,
} from "@/lib/voice/schemas";

export const voiceResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.enum(VOICE_PROVIDERS),
    language: z.string().meta({ description: "BCP 47, e.g. en-US" }),
    gender: z.enum(VOICE_GENDERS),
    category: z.enum(VOICE_CATEGORIES),
    sample_url: z.string().nullable().meta({ description: "A playable link to a sample (signed and expiring for stored samples); null while a clone trains" }),
    settings: voiceSettingsSchema.meta({ description: "The voice's default settings" }),
    status: z.enum(VOICE_STATUSES),
    failure_reason: z.string().nullable(),
    description: z.string().nullable(),
    owned: z.boolean().meta({ description: "Cloned by your organization (only these can be edited or deleted)" }),
    in_use: z.boolean().meta({ description: "A campaign or an agent of your organization speaks with it" }),
    created_at: z.string(),
  })
  .meta({ id: "Voice" });

export const generatedSpeechResponse = z
  .object({
    audio_id: z.string(),
    audio_url: z.string().meta({ description: "Absolute, signed and expiring (24 h); plays without a token and answers Range requests" }),
    expires_at: z.string(),
    duration: z.number().meta({ description: "Seconds, measured from the audio" }),
    characters_used: z.number().int(),
    cost: z.number().meta({ description: "US dollars this request cost: 0 when the audio came from the cache" }),
    format: z.enum(AUDIO_FORMATS),
    cached: z.boolean(),
    voice_id: z.string(),
    ignored_settings: z.array(z.string()).meta({ description: "Settings this voice's provider cannot honour, accepted and not used" }),
  })
  .meta({ id: "GeneratedSpeech" });

export const cloneStartedResponse = z
  .object({
    voice_id: z.string(),
    status: z.literal("training"),
    estimated_completion: z.string(),
    provider: z.enum(VOICE_PROVIDERS),
  })
  .meta({ id: "VoiceCloneStarted" });

export const VOICE_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/voice/voices",
    operationId: "listVoices",
    summary: "The voice library: the catalogue and your organization's clones",
    tag: "Voices",
    auth: "user",
    permission: "voices.view",
    query: listVoicesQuery,
    response: { kind: "json", status: 200, schema: voiceResponse, list: true, listKey: "voices" },
  },
  {
    method: "GET",
    path: "/api/voice/voices/{voice_id}",
    operationId: "getVoice",
    summary: "One voice",
    tag: "Voices",
    auth: "user",
    permission: "voices.view",
    params: voiceIdParams,
    response: { kind: "json", status: 200, schema: voiceResponse },
  },
  {
    method: "PUT",
    path: "/api/voice/voices/{voice_id}",
    operationId: "updateVoice",
    summary: "Rename a clone or change its default settings",
    tag: "Voices",
    auth: "user",
    permission: "voices.manage",
    params: voiceIdParams,
    body: updateVoiceSchema,
    response: { kind: "json", status: 200, schema: voiceResponse },
    errors: ["RESOURCE_003"],
  },
  {
    method: "DELETE",
    path: "/api/voice/voices/{voice_id}",
    operationId: "deleteVoice",
    summary: "Delete a clone (refused while a campaign or agent uses it)",
    tag: "Voices",
    auth: "user",
    permission: "voices.manage",
    params: voiceIdParams,
    response: { kind: "json", status: 200, schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
    errors: ["RESOURCE_003"],
  },
  {
    method: "POST",
    path: "/api/voice/generate",
    operationId: "generateSpeech",
    summary: "Speak text with a voice; identical requests return the stored audio",
    tag: "Voices",
    auth: "user",
    permission: "voices.manage",
    body: generateSpeechSchema,
    example: { text: "Hello, this is a test message", voice_id: "voice_ava", settings: { stability: 0.6, similarity_boost: 0.8 } },
    response: { kind: "json", status: 200, schema: generatedSpeechResponse },
    errors: ["RESOURCE_001", "RESOURCE_003", "SERVICE_001", "SERVICE_002", "SERVICE_003"],
  },
  {
    method: "POST",
    path: "/api/voice/clone",
    operationId: "cloneVoice",
    summary: "Clone a voice from a recording (trains in the background)",
    description:
      "ElevenLabs (when configured): an instant voice clone. Built-in engine: the recording's pitch and pace are measured and mapped onto a built-in voice — it matches the speaker's pitch and pace, not their timbre. Poll GET /api/voice/voices/{voice_id} until status is ready or failed (with failure_reason).",
    tag: "Voices",
    auth: "user",
    permission: "voices.manage",
    multipart: { fields: cloneVoiceFieldsSchema, fileField: "audio_file", fileDescription: "The recording: WAV, MP3, OGG/Opus or WebM (as a browser records it), at most 10 MB" },
    response: { kind: "json", status: 202, schema: cloneStartedResponse },
    errors: ["REQUEST_002", "SERVICE_003"],
  },
]);
