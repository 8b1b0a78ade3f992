import "server-only";
// One turn of a conversation, whatever the engine: (run, state, input) → (state, actions). The rules
// that never depend on an engine or a prompt run here, in code, first: the disclosure opens every
// conversation; an opt-out anywhere ends it politely with opt_out() and do_not_call; "are you a
// robot?" gets the truth; silence is reprompted then ends the call; the time limit is never passed.
// Then the flow engine decides, or the LLM with the flow engine's answer as its fallback.
// Dispositions the rules set (do_not_call, no_response, callback on running out of time) are always
// allowed, whatever the agent's outcomes list: they are how the law and the clock end a call.
import { flowStart, flowTurn, reask } from "@/lib/agents/engine/flow-engine";
import { TurnBuilder } from "@/lib/agents/engine/turn-builder";
import type { ConversationState, EngineInput, RunContext, TurnResult, UnderstandingResult } from "@/lib/agents/engine/types";
import type { LlmConfig } from "@/lib/agents/llm/config";
import { llmDecide, type LlmDecision } from "@/lib/agents/llm/llm-engine";
import type { Context } from "@/lib/agents/understanding/intent-rules";
import { understand } from "@/lib/agents/understanding/understand";
import type { Action } from "@/lib/agents/vocabulary";

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
  if (!state.turns.some((t) => t.speaker === "caller" && t.text)) return "greeting";
  const step = run.agent.flow.steps.find((s) => s.id === state.step);
  if (step?.kind === "ask" && step.branches.some((b) => b.intents.includes("affirm") || b.intents.includes("deny"))) return "yes_no";
  return "open";
}

function wrapUp(b: TurnBuilder) {
  b.say(RULE_LINES.outOfTime).callback(null).end("callback");
}

function optOut(b: TurnBuilder) {
  b.say(RULE_LINES.optOut).optOut().end("do_not_call");
}

function secondsIn(state: ConversationState, at: Date): number {
  return state.startedAt ? (at.getTime() - Date.parse(state.startedAt)) / 1000 : 0;
}

/** The rules' turn, or null when the engine decides. */
function ruleTurn(run: RunContext, state: ConversationState, input: Exclude<EngineInput, { kind: "start" }>, u: UnderstandingResult | null): TurnResult | null {
  const b = new TurnBuilder(run, state, input.at);
  const outOfTime = secondsIn(state, input.at) >= run.agent.max_duration_seconds - WRAP_UP_MARGIN_SECONDS;
  if (input.kind === "utterance") {
    b.heard(input.text, u);
    b.state.silences = 0;
    if (u?.intent === "opt_out") return { ...(optOut(b), b.finish()), understanding: u };
    if (outOfTime) return { ...(wrapUp(b), b.finish()), understanding: u };
    if (u?.intent === "is_this_a_robot") {
      b.say(RULE_LINES.robot);
      reask(b, run);
      return { ...b.finish(), understanding: u };
    }
    return null;
  }
  if (input.kind === "event" && input.event === "time_running_out") return { ...(wrapUp(b), b.finish()), understanding: null };
  if (outOfTime) return { ...(wrapUp(b), b.finish()), understanding: null };
  if (input.kind === "silence") {
    // On hold while a transfer rings: silence is expected, not a reason to hang up.
    if (run.agent.flow.steps.find((s) => s.id === state.step)?.kind === "transfer") return { ...b.listen().finish(), understanding: null };
    b.state.silences++;
    b.state.turns.push({ speaker: "caller", text: "", at: input.at.toISOString() });
    if (b.state.silences > run.agent.silence.reprompts) b.say(RULE_LINES.silentGoodbye).end("no_response");
    else {
      b.say(RULE_LINES.stillThere);
      reask(b, run);
    }
    return { ...b.finish(), understanding: null };
  }
  return null;
}

export class ConversationEndedError extends Error {}

export async function converse(run: RunContext, state: ConversationState, input: EngineInput, llm: LlmConfig | null): Promise<ConverseResult> {
  if (input.kind === "start") return { ...flowStart(run, state, input.at), understanding: null, engine: FLOW };
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
  if (decision.optOut) {
    // The model heard an opt-out the rules did not: honoured as the rules would, whatever else it said.
    const b = new TurnBuilder(run, heard, input.at);
    optOut(b);
    return { ...b.finish("llm", { fallback: decision.ok ? null : decision.reason, tokens }), understanding: u, engine: info };
  }
  if (!decision.ok) {
    const last = flow.state.turns.at(-1);
    if (last?.speaker === "agent") Object.assign(last, { engine: "flow", fallback: decision.reason, tokens });
    return { ...flow, understanding: u, engine: info };
  }
  return { ...applyModelTurn(run, state, flow.state, decision, input.at, tokens), understanding: u, engine: info };
}

/** What to say first, what to note, and one way to finish the turn: the model's tool calls in a safe order. */
function ordered(actions: Action[]): Action[] {
  const rank = (a: Action) => ({ say: 0, record_answer: 1, schedule_callback: 1, opt_out: 1, transfer: 2, end: 2, listen: 3 })[a.type];
  const sorted = [...actions].sort((a, b) => rank(a) - rank(b));
  const finish = sorted.find((a) => a.type === "end") ?? sorted.find((a) => a.type === "transfer") ?? sorted.find((a) => a.type === "listen");
  return [...sorted.filter((a) => rank(a) < 2), ...(finish ? [finish] : [])];
}

/**
 * The state after a turn the model decided. The flow engine's state is the base — it keeps track of
 * where the conversation is and is the next turn's fallback — with what was said, and whether and how
 * it ended, from the model.
 */
function applyModelTurn(run: RunContext, before: ConversationState, flowState: ConversationState, decision: Extract<LlmDecision, { ok: true }>, at: Date, tokens: { input: number; output: number; cost: number }) {
  const flowEnded = flowState.ended;
  const base: ConversationState = {
    ...flowState,
    // The caller's words stay; the flow's reply (if it made one) is replaced by the model's.
    turns: flowState.turns.slice(0, flowState.turns.at(-1)?.speaker === "agent" ? -1 : undefined),
    lastSaid: before.lastSaid,
    ended: false,
    disposition: null,
    callbackAt: before.callbackAt,
    // Where the flow would have ended, the conversation stays where it was.
    step: flowEnded ? before.step : flowState.step,
    awaiting: flowEnded ? before.awaiting : flowState.awaiting,
  };
  const b = new TurnBuilder(run, base, at);
  for (const action of ordered(decision.actions)) {
    switch (action.type) {
      case "say":
        b.sayVerbatim(action.text);
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
        break; // handled before: decision.optOut
      case "transfer": {
        b.transfer();
        // A failed transfer goes where the flow's transfer step says.
        const step = run.agent.flow.steps.find((s) => s.kind === "transfer");
        if (step) b.state.step = step.id;
        break;
      }
      case "end":
        b.end(action.disposition);
        break;
    }
  }
  if (!b.actions.some((a) => a.type === "listen" || a.type === "end" || a.type === "transfer")) b.listen();
  return b.finish("llm", { fallback: null, tokens });
}
