import { methods, route } from "@/lib/api/handler";
import { generateSpeechSchema } from "@/lib/voice/schemas";
import { generateSpeech } from "@/lib/voice/generate-speech";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "voices.manage", body: generateSpeechSchema }, ({ ctx, body }) => generateSpeech(ctx, body)),
});
