import "server-only";
// How a conversation's state and a turn's engine details are shown on the wire.
import type { ConversationState } from "@/lib/agents/engine/types";
import type { EngineInfo } from "@/lib/agents/engine/converse";

export function publicState(state: ConversationState) {
  return {
    step: state.step,
    path: state.path,
    captured: state.captured,
    ended: state.ended,
    disposition: state.disposition,
    callback_at: state.callbackAt,
  };
}

export function publicEngine(info: EngineInfo) {
  return {
    engine: info.engine,
    fallback: info.fallback,
    input_tokens: info.inputTokens,
    output_tokens: info.outputTokens,
    cost: info.cost,
    latency_ms: info.latencyMs,
  };
}
