import { methods, route } from "@/lib/api/handler";
import { updateVoiceSchema, voiceIdParams } from "@/lib/voice/schemas";
import { deleteVoice, getVoice, updateVoice } from "@/lib/voice/voices";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "voices.view", params: voiceIdParams }, ({ ctx, params }) => getVoice(ctx, params.voice_id)),
  PUT: route({ permission: "voices.manage", params: voiceIdParams, body: updateVoiceSchema }, ({ ctx, params, body }) =>
    updateVoice(ctx, params.voice_id, body),
  ),
  DELETE: route({ permission: "voices.manage", params: voiceIdParams }, ({ ctx, params }) => deleteVoice(ctx, params.voice_id)),
});
