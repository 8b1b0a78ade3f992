import "server-only";
// One turn of a conversation, whatever the engine: (run, state, input) → (state, actions). The rules
// that never depend on an engine or a prompt run here, in code, first: the disclosure opens every
// conversation; an opt-out anywhere ends it politely with opt_out() and do_not_call; "are you a
// robot?" gets the truth; silence is reprompted then ends the call; the time limit is never passed.
// Then the flow engine decides, or the LLM with the flow engine's answer as its fallback.
import { flowStart, flowTurn } from "@/lib/agents/engine/flow-engine";
import { TurnBuilder } from "@/lib/agents/engine/turn-builder";
import type { ConversationState, EngineInput, RunContext, TurnResult, UnderstandingResult } from "@/lib/agents/engine/types";
import type { LlmConfig } from "@/lib/agents/llm/config";
import { llmDecide } from "@/lib/agents/llm/llm-engine";
import type { Context } from "@/lib/agents/understanding/intent-rules";
import { understand } from "@/lib/agents/understanding/understand";

export const RULE_LINES = {
  optOut: "I understand. I've taken your number off our list, and you won't get any more calls from us. Goodbye.",
  robot: "Yes, I'm an automated AI voice assistant calling on behalf of {{organization.name}}.",
  stillThere: "Are you still there?",
  silentGoodbye: "It seems this isn't a good time, so I'll let you go. Goodbye!",
  outOfTime: "I'm afraid we're out of time, so a colleague will follow up with you. Thank you, goodbye!",
} as const;

/** Seconds before the limit at which the agent wraps up rather than asks another question. */
const WRAP_UP_MARGIN_SECONDS = 15;

export type EngineInfo = { engine: "flow" | "llm"; fallback: string | null; inputTokens: number; outputTokens: number; cost: number; latencyMs: number };
export type ConverseResult = TurnResult & { engine: EngineInfo };

const FLOW: EngineInfo = { engine: "flow", fallback: null, inputTokens: 0, outputTokens: 0, cost: 0, latencyMs: 0 };

/** What the agent just asked, as the understanding reads it. */
export function listeningContext(run: RunContext, state: ConversationState): Context {
  if (state.awaiting === "callback_time") return "time";
  const callerTurns = state.turns.filter((t) => t.speaker === "caller").length;
  if (callerTurns === 0) return "greeting";
  const step = run.agent.flow.steps.find((s) => s.id === state.step);
  if (step?.kind === "ask" && step.branches.some((b) => b.intents.includes("affirm") || b.intents.includes("deny"))) return "yes_no";
  return "open";
}

function reaskCurrent(b: TurnBuilder, run: RunContext) {
  const step = run.agent.flow.steps.find((s) => s.id === b.state.step);
  if (step?.kind === "ask") b.say(step.text).listen(step.hints);
  else b.listen();
}

function wrapUp(b: TurnBuilder) {
  b.say(RULE_LINES.outOfTime).callback(null).end("callback");
}

function secondsIn(state: ConversationState, at: Date): number {
  return state.startedAt ? (at.getTime() - Date.parse(state.startedAt)) / 1000 : 0;
}

/** The rules' turn, or null when the engine decides. */
function ruleTurn(run: RunContext, state: ConversationState, input: EngineInput, u: UnderstandingResult | null): TurnResult | null {
  const b = new TurnBuilder(run, state, input.at);
  const outOfTime = secondsIn(state, input.at) >= run.agent.max_duration_seconds - WRAP_UP_MARGIN_SECONDS;
  if (input.kind === "utterance") {
    b.heard(input.text, u);
    if (u?.intent === "opt_out") return { ...b.say(RULE_LINES.optOut).optOut().end("do_not_call").finish(), understanding: u };
    if (outOfTime) return { ...(wrapUp(b), b.finish()), understanding: u };
    if (u?.intent === "is_this_a_robot") {
      b.state.silences = 0;
      b.say(RULE_LINES.robot);
      reaskCurrent(b, run);
      return { ...b.finish(), understanding: u };
    }
    return null;
  }
  if (input.kind === "event" && input.event === "time_running_out") return { ...(wrapUp(b), b.finish()), understanding: null };
  if (outOfTime) return { ...(wrapUp(b), b.finish()), understanding: null };
  if (input.kind === "silence") {
    b.state.silences++;
    b.state.turns.push({ speaker: "caller", text: "", at: input.at.toISOString() });
    if (b.state.silences > run.agent.silence.reprompts) b.say(RULE_LINES.silentGoodbye).end("no_response");
    else {
      b.say(RULE_LINES.stillThere);
      reaskCurrent(b, run);
    }
    return { ...b.finish(), understanding: null };
  }
  return null;
}

export class ConversationEndedError extends Error {}

export async function converse(run: RunContext, state: ConversationState, input: EngineInput, llm: LlmConfig | null): Promise<ConverseResult> {
  if (input.kind === "start") {
    if (state.startedAt) throw new ConversationEndedError("The conversation has already started");
    return { ...flowStart(run, state, input.at), understanding: null, engine: FLOW };
  }
  if (state.ended) throw new ConversationEndedError("The conversation has ended");

  const u: UnderstandingResult | null =
    input.kind === "utterance"
      ? understand(input.text, {
          context: listeningContext(run, state),
          knowledge: run.agent.knowledge,
          timeZone: run.timeZone,
          now: input.at,
          asrConfidence: input.confidence,
        })
      : null;
  const ruled = ruleTurn(run, state, input, u);
  if (ruled) return { ...ruled, engine: FLOW };

  const flow = flowTurn(run, state, input, u);
  if (run.agent.engine !== "llm" || input.kind !== "utterance") return { ...flow, understanding: u, engine: FLOW };
  if (!llm) return { ...flow, understanding: u, engine: { ...FLOW, fallback: "not_configured" } };

  // The flow engine's turn is the fallback; the LLM sees the conversation with the caller's words in it.
  const heard = new TurnBuilder(run, state, input.at).heard(input.text, u).state;
  const decision = await llmDecide(llm, run, heard, input.at);
  const info: EngineInfo = {
    engine: "llm",
    fallback: decision.ok ? null : decision.reason,
    inputTokens: decision.usage.input,
    outputTokens: decision.usage.output,
    cost: decision.usage.cost,
    latencyMs: decision.latencyMs,
  };
  const tokens = { input: info.inputTokens, output: info.outputTokens, cost: info.cost };
  if (!decision.ok) {
    const last = flow.state.turns.at(-1);
    if (last?.speaker === "agent") Object.assign(last, { engine: "flow", fallback: decision.reason, tokens });
    return { ...flow, understanding: u, engine: info };
  }

  // The flow keeps track of where the conversation is (it is the next turn's fallback); what was said
  // and whether it ended come from the model.
  const b = new TurnBuilder(run, { ...heard, step: flow.state.ended ? state.step : flow.state.step, path: flow.state.path, captured: flow.state.captured }, input.at);
  if (u?.knowledgeId) b.state.lastKnowledgeId = u.knowledgeId;
  for (const action of decision.actions) {
    if (b.state.ended) break;
    switch (action.type) {
      case "say":
        b.actions.push(action);
        break;
      case "listen":
        b.listen(action.hints);
        break;
      case "record_answer":
        b.record(action.field, action.value);
        break;
      case "schedule_callback":
        b.callback(action.at ? new Date(action.at) : null);
        break;
      case "opt_out":
        // An opt-out always ends the call, as the rules say, even if the model forgot to.
        b.optOut().end("do_not_call");
        break;
      case "transfer":
        b.actions.push(action);
        break;
      case "end":
        b.end(action.disposition);
        break;
    }
  }
  const said = decision.actions.flatMap((a) => (a.type === "say" ? [a.text] : []));
  const waits = b.actions.some((a) => a.type === "listen" || a.type === "end" || a.type === "transfer");
  if (!waits) b.listen();
  const result = b.finish("llm", { fallback: null, tokens });
  if (said.length) {
    result.state.turns.push({ speaker: "agent", text: said.join(" "), at: input.at.toISOString(), engine: "llm", tokens });
    result.state.lastSaid = said;
  }
  return { ...result, understanding: u, engine: info };
}

