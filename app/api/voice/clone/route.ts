import { accepted, methods, route } from "@/lib/api/handler";
import { cloneVoiceFieldsSchema, MAX_CLONE_BYTES } from "@/lib/voice/schemas";
import { startVoiceClone } from "@/lib/voice/clone-voice";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route(
    { permission: "voices.manage", body: cloneVoiceFieldsSchema, multipart: { fileField: "audio_file", maxFileBytes: MAX_CLONE_BYTES } },
    async ({ ctx, body, file }) => accepted(await startVoiceClone(ctx, body, file)),
  ),
});
