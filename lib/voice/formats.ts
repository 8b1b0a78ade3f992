// Audio formats the API offers. `wav`: 16-bit PCM; `mp3`: MPEG-1 Layer III. Twilio's <Play> takes both.
export const AUDIO_FORMATS = ["wav", "mp3"] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];
export const CONTENT_TYPES: Record<AudioFormat, string> = { wav: "audio/wav", mp3: "audio/mpeg" };
