import { useMutation, useQueryClient } from "@tanstack/react-query";
import { voiceKeys } from "@/components/voices/query-keys";
import { uploadForm, type UploadProgress } from "@/lib/client/upload";
import type { CloneStarted, CloneVoiceFieldsOutput } from "@/components/voices/types";

export type CloneVoiceInput = { fields: CloneVoiceFieldsOutput; file: File; signal?: AbortSignal };

/** Uploads a recording to clone (202: the voice trains in the background); `onProgress` reports bytes sent. */
export function useCloneVoice(onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, file, signal }: CloneVoiceInput) => {
      // The fields go before the file, so the server has them before the recording's bytes arrive.
      const form = new FormData();
      form.append("voice_name", fields.voice_name);
      if (fields.description) form.append("description", fields.description);
      form.append("consent", fields.consent ?? "");
      form.append("language", fields.language);
      if (fields.gender) form.append("gender", fields.gender);
      form.append("category", fields.category);
      if (fields.provider) form.append("provider", fields.provider);
      form.append("audio_file", file, file.name);
      return uploadForm<CloneStarted>("/api/voice/clone", form, { onProgress, signal });
    },
    // The new voice is listed at once, as training.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
