import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { GenerateSpeechBody, GeneratedSpeech } from "@/components/voices/types";

/** Speaks text with a voice; the same text, voice and settings again come back from the cache. */
export function useGenerateSpeech() {
  return useMutation({
    mutationFn: (body: GenerateSpeechBody) => apiFetch<GeneratedSpeech>("/api/voice/generate", { method: "POST", body }),
  });
}
