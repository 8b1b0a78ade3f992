// The offline engine: the agent's flow, step by step. Pure — (run, state, input, understanding) →
// (state, actions) — so a whole conversation runs in a test with text alone. The rules every engine
// obeys (disclosure first, opt-out, the truth about being an AI, silence, the time limit) run before
// this, in ./converse.ts; this file decides everything else.
import type { FlowStep } from "@/lib/agents/schemas";
import type { ConversationState, EngineInput, RunContext, UnderstandingResult } from "@/lib/agents/engine/types";
import { TurnBuilder } from "@/lib/agents/engine/turn-builder";
import type { Intent } from "@/lib/agents/vocabulary";

/** Said when the flow has no words of its own for the moment. */
export const LINES = {
  callbackConfirm: "Of course. I'll call you back {{callback.time}}. Thank you, goodbye!",
  callbackAsk: "Of course. When would be a better time to call you back?",
  callbackUnknownTime: "No problem, we'll try you again another time. Thank you, goodbye!",
  noAnswer: "I'm not sure about that one, so I'll make sure a colleague follows up on it.",
  identity: "I'm an automated AI voice assistant calling on behalf of {{organization.name}}.",
  wrongPerson: "I'm sorry for the trouble. I'll update our records. Goodbye!",
  hostile: "I'm sorry to have bothered you. Have a good day, goodbye.",
  unclear: "Sorry, I didn't quite catch that.",
  holdTransfer: "Please hold while I connect you.",
  transferFailed: "I'm sorry, nobody is available to take the call right now.",
} as const;

/** When a step has no branch for an intent, the nearest one it may have instead. */
const NEAREST: Partial<Record<Intent, Intent>> = { affirm: "interested", interested: "affirm", deny: "not_interested", not_interested: "deny", price_question: "question" };

const MAX_HOPS = 50;

function stepById(run: RunContext, id: string): FlowStep {
  const step = run.agent.flow.steps.find((s) => s.id === id);
  if (!step) throw new Error(`The flow has no step "${id}"`);
  return step;
}

/** Walks from `from` until the conversation waits for the caller or ends. */
export function advance(b: TurnBuilder, run: RunContext, from: string): void {
  let id = from;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const step = stepById(run, id);
    b.visit(step.id);
    b.state.unclear = 0;
    switch (step.kind) {
      case "say":
        b.say(step.text);
        id = step.next;
        continue;
      case "answer": {
        const entry = run.agent.knowledge.find((k) => k.id === b.state.lastKnowledgeId);
        b.say(entry?.answer ?? step.fallback);
        id = step.next;
        continue;
      }
      case "ask":
        b.say(step.text).listen(step.hints);
        b.state.step = step.id;
        return;
      case "transfer":
        b.say(step.text).transfer();
        b.state.step = step.id;
        return;
      case "callback":
        if (b.state.pendingCallbackAt) {
          b.callback(new Date(b.state.pendingCallbackAt)).say(step.text).end("callback");
        } else {
          b.say(LINES.callbackAsk).listen();
          b.state.step = step.id;
          b.state.awaiting = "callback_time";
        }
        return;
      case "end":
        b.say(step.text).end(step.disposition);
        return;
    }
  }
  // Validation refuses flows that loop without listening; this is the guard if one slipped through.
  b.end("no_response");
}

/** The opening: the disclosure (and that the call is recorded), the first message, then the flow. */
export function flowStart(run: RunContext, state: ConversationState, at: Date) {
  const b = new TurnBuilder(run, state, at);
  b.state.startedAt = at.toISOString();
  b.say(run.agent.disclosure);
  if (run.recorded) b.say("This call is recorded.");
  b.say(run.agent.first_message);
  advance(b, run, run.agent.flow.start);
  return b.finish("flow");
}

/** Asks the question the conversation waits on again (an ask step's, or the callback step's "when?"). */
export function reask(b: TurnBuilder, run: RunContext) {
  const step = b.state.step ? run.agent.flow.steps.find((s) => s.id === b.state.step) : undefined;
  if (step?.kind === "ask") b.say(step.text).listen(step.hints);
  else if (b.state.awaiting === "callback_time") b.say(LINES.callbackAsk).listen();
  else b.listen();
}

/** What every waiting point answers the same way: questions, "who is this?", "sorry?". True when handled. */
function answerAside(b: TurnBuilder, run: RunContext, u: UnderstandingResult): boolean {
  switch (u.intent) {
    case "question":
    case "price_question": {
      const entry = run.agent.knowledge.find((k) => k.id === u.knowledgeId);
      b.say(entry?.answer ?? LINES.noAnswer);
      reask(b, run);
      return true;
    }
    case "who_is_this":
      b.say(LINES.identity);
      reask(b, run);
      return true;
    case "repeat":
      if (b.state.lastSaid.length) {
        for (const line of b.state.lastSaid) b.say(line);
        b.listen();
      } else reask(b, run);
      return true;
    default:
      return false;
  }
}

function scheduleCallback(b: TurnBuilder, run: RunContext, at: Date | null) {
  const step = b.state.step ? stepById(run, b.state.step) : null;
  if (at) b.callback(at).say(step?.kind === "callback" ? step.text : LINES.callbackConfirm).end("callback");
  else b.callback(null).say(LINES.callbackUnknownTime).end("callback");
}

/** One caller turn (or event) at the step the conversation waits at. The start and silence are the rules'. */
export function flowTurn(run: RunContext, state: ConversationState, input: Exclude<EngineInput, { kind: "start" }>, u: UnderstandingResult | null) {
  const b = new TurnBuilder(run, state, input.at);
  if (input.kind === "event") {
    const step = state.step ? stepById(run, state.step) : null;
    if (input.event === "transfer_failed" && step?.kind === "transfer") {
      b.say(LINES.transferFailed);
      advance(b, run, step.on_failure);
    } else reask(b, run);
    return b.finish("flow");
  }
  if (input.kind === "silence" || !u) {
    reask(b, run);
    return b.finish("flow");
  }
  b.heard(input.text, u);
  b.state.silences = 0;
  // The last question's answer, or none: an answer step must not repeat an older one.
  b.state.lastKnowledgeId = u.knowledgeId;
  const step = state.step ? stepById(run, state.step) : null;

  if (state.awaiting === "callback_time") {
    if (answerAside(b, run, u)) return b.finish("flow");
    b.state.awaiting = null;
    if (u.callbackAt || u.intent === "callback_request" || u.intent === "affirm" || u.intent === "unknown") scheduleCallback(b, run, u.callbackAt);
    else if (step?.kind === "ask") return flowUtterance(b, run, step, u);
    else scheduleCallback(b, run, null);
    return b.finish("flow");
  }
  if (step?.kind === "transfer") {
    b.say(LINES.holdTransfer);
    return b.finish("flow");
  }
  // The conversation waits only at ask, transfer and callback steps (the last with awaiting set).
  if (step?.kind !== "ask") {
    scheduleCallback(b, run, u.callbackAt);
    return b.finish("flow");
  }
  return flowUtterance(b, run, step, u);
}

function flowUtterance(b: TurnBuilder, run: RunContext, step: Extract<FlowStep, { kind: "ask" }>, u: UnderstandingResult) {
  const intent: Intent = u.confidence < 0.35 ? "unknown" : u.intent;
  const has = (br: (typeof step.branches)[number], i: Intent) => (br.intents as readonly Intent[]).includes(i);
  const nearest = NEAREST[intent];
  const branch = step.branches.find((br) => has(br, intent)) ?? (nearest ? step.branches.find((br) => has(br, nearest)) : undefined);
  const said = b.state.turns.at(-1)?.text ?? "";

  // The answer to the step's question, recorded when the conversation moves on with it.
  const capture = () => {
    if (!step.capture) return;
    const kinds: Record<string, string[]> = { date: ["date"], time: ["time", "date"], money: ["money"], number: ["number", "money"], text: [] };
    const entity = u.entities.find((e) => kinds[step.capture!.kind]!.includes(e.type));
    b.record(step.capture.field, entity ? String(entity.value) : said);
  };
  if (branch) {
    capture();
    if (intent === "callback_request" && u.callbackAt) b.state.pendingCallbackAt = u.callbackAt.toISOString();
    advance(b, run, branch.next);
    return b.finish("flow");
  }

  if (answerAside(b, run, { ...u, intent })) return b.finish("flow");
  switch (intent) {
    case "callback_request":
      if (u.callbackAt) scheduleCallback(b, run, u.callbackAt);
      else {
        b.say(LINES.callbackAsk).listen();
        b.state.awaiting = "callback_time";
      }
      break;
    case "wrong_person":
      b.say(LINES.wrongPerson).end("wrong_number");
      break;
    case "hostile":
      b.say(LINES.hostile).end("not_interested");
      break;
    case "unknown":
      if (b.state.unclear < run.agent.silence.reprompts) {
        b.state.unclear++;
        b.say(LINES.unclear);
        reask(b, run);
      } else {
        capture();
        advance(b, run, step.otherwise);
      }
      break;
    default:
      capture();
      advance(b, run, step.otherwise);
  }
  return b.finish("flow");
}
