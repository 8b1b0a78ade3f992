import "server-only";
import { llmConfig } from "@/lib/agents/llm/config";

/** The flow engine always runs; the LLM engine when LLM_API_KEY is set. */
export function listEngines() {
  const llm = llmConfig();
  return {
    engines: [
      { id: "flow" as const, available: true, model: null, reason: null },
      {
        id: "llm" as const,
        available: llm !== null,
        model: llm?.model ?? null,
        reason: llm ? null : "No language model is configured: set LLM_API_KEY (and LLM_BASE_URL, LLM_MODEL for an OpenAI-compatible endpoint)",
      },
    ],
  };
}
