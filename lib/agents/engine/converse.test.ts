// The conversation engine with text alone, on an injected clock: every step kind and branch, the
// knowledge, opt-out at every step, callback times across a DST change, silence, the time limit,
// and the LLM path through the real AI SDK against a local chat-completions server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { converse, RULE_LINES } from "@/lib/agents/engine/converse";
import { LINES } from "@/lib/agents/engine/flow-engine";
import { INITIAL_STATE, type ConversationState, type RunContext } from "@/lib/agents/engine/types";
import { AGENT_DEFAULTS, agentDefinitionSchema, flowSchema, type Flow } from "@/lib/agents/schemas";
import { definitionProblems, flowProblems } from "@/lib/agents/validate-agent";
import type { LlmConfig } from "@/lib/agents/llm/config";
import { startLlmFixture, type LlmFixture } from "@/lib/testing/llm-fixture";
import type { Action } from "@/lib/agents/vocabulary";

// Saturday 7 March 2026, 15:00 in New York; clocks go forward at 02:00 on Sunday 8 March.
const T0 = Date.parse("2026-03-07T20:00:00Z");

const FLOW: Flow = flowSchema.parse({
  start: "intro",
  steps: [
    { id: "intro", kind: "say", text: "I'm calling about your {{lead.custom.plan|current}} plan.", next: "renew" },
    {
      id: "renew",
      kind: "ask",
      text: "Would you like to renew?",
      branches: [
        { intents: ["affirm", "interested"], next: "seats" },
        { intents: ["deny", "not_interested"], next: "save" },
        { intents: ["question", "price_question"], next: "answer" },
      ],
      otherwise: "goodbye",
    },
    { id: "answer", kind: "answer", fallback: "Good question; a colleague will follow up.", next: "renew" },
    {
      id: "seats",
      kind: "ask",
      text: "How many seats do you need?",
      branches: [{ intents: ["unknown", "affirm", "deny", "interested", "not_interested", "question"], next: "done" }],
      otherwise: "done",
      capture: { field: "seats", kind: "number" },
    },
    {
      id: "save",
      kind: "ask",
      text: "Would a call with a specialist help?",
      branches: [
        { intents: ["affirm", "interested"], next: "handoff" },
        { intents: ["callback_request"], next: "later" },
      ],
      otherwise: "goodbye",
    },
    { id: "handoff", kind: "transfer", text: "Connecting you now.", on_failure: "later" },
    { id: "later", kind: "callback", text: "Great, I'll call you back {{callback.time}}. Bye!" },
    { id: "done", kind: "end", text: "Thanks {{lead.first_name}}, you're renewed!", disposition: "converted" },
    { id: "goodbye", kind: "end", text: "Thanks for your time.", disposition: "not_interested" },
  ],
});

const RUN: RunContext = {
  agent: {
    ...AGENT_DEFAULTS,
    id: "agent_test",
    name: "Ava",
    voice_id: "voice_ava",
    first_message: "Hi {{lead.first_name}}!",
    flow: FLOW,
    outcomes: ["converted", "not_interested", "callback", "transferred", "do_not_call", "no_response"],
    transfer: { to: "+15550001111", whisper: "{{lead.first_name}} wants a specialist" },
    knowledge: [
      { id: "price", question: "How much does it cost?", answer: "It's 29 dollars a month." },
      { id: "trial", question: "Is there a free trial?", answer: "Yes, 14 days." },
      { id: "cancel", question: "How do I cancel?", answer: "From your billing page." },
    ],
    max_duration_seconds: 300,
    silence: { timeout_seconds: 4, reprompts: 2 },
  },
  lead: { first_name: "Sam", custom: { plan: "Gold" } },
  organizationName: "Acme",
  timeZone: "America/New_York",
  recorded: true,
};

type Step = string | { silence: true } | { event: "transfer_failed" | "time_running_out" };

/** Runs a conversation: the start, then each caller turn 10 s apart. */
async function talk(steps: Step[], run: RunContext = RUN, llm: LlmConfig | null = null) {
  let at = T0;
  let result = await converse(run, INITIAL_STATE, { kind: "start", at: new Date(at) }, llm);
  const turns = [result];
  for (const step of steps) {
    at += 10_000;
    const input =
      typeof step === "string"
        ? { kind: "utterance" as const, text: step, confidence: 0.95, at: new Date(at) }
        : "silence" in step
          ? { kind: "silence" as const, at: new Date(at) }
          : { kind: "event" as const, event: step.event, at: new Date(at) };
    result = await converse(run, result.state, input, llm);
    turns.push(result);
  }
  return { last: result, state: result.state as ConversationState, turns };
}

const says = (actions: Action[]) => actions.flatMap((a) => (a.type === "say" ? [a.text] : []));
const kinds = (actions: Action[]) => actions.map((a) => a.type);

describe("the opening", () => {
  it("says the disclosure first, then that the call is recorded, then the first message and the flow", async () => {
    const { last } = await talk([]);
    expect(says(last.actions)).toEqual([
      "Hi, this is Ava, an automated AI voice assistant calling on behalf of Acme.",
      "This call is recorded.",
      "Hi Sam!",
      "I'm calling about your Gold plan.",
      "Would you like to renew?",
    ]);
    expect(last.actions.at(-1)).toEqual({ type: "listen", hints: [], timeout: 4 });
    expect(last.state.path).toEqual(["intro", "renew"]);
  });

  it("leaves out the recording notice when the call is not recorded", async () => {
    const { last } = await talk([], { ...RUN, recorded: false });
    expect(says(last.actions)).not.toContain("This call is recorded.");
  });
});

describe("the flow engine", () => {
  it("follows the yes branch, captures the number and ends converted", async () => {
    const { last, state } = await talk(["yes please", "we need 25 seats"]);
    expect(last.actions).toContainEqual({ type: "record_answer", field: "seats", value: "25" });
    expect(says(last.actions)).toEqual(["Thanks Sam, you're renewed!"]);
    expect(last.actions.at(-1)).toEqual({ type: "end", disposition: "converted" });
    expect(state.path).toEqual(["intro", "renew", "seats", "done"]);
  });

  it("takes a branch for the nearest intent when the exact one has none", async () => {
    // "renew" has no separate branch for interested vs affirm: both go to seats.
    const { state } = await talk(["I'm interested"]);
    expect(state.step).toBe("seats");
  });

  it("answers a question through an answer step and asks again", async () => {
    const { turns } = await talk(["is there a free trial?"]);
    expect(says(turns[1]!.actions)).toEqual(["Yes, 14 days.", "Would you like to renew?"]);
    expect(turns[1]!.state.path).toEqual(["intro", "renew", "answer", "renew"]);
  });

  it("says the fallback when the knowledge has no answer", async () => {
    const { turns } = await talk(["does the plan include a mobile app?"]);
    expect(says(turns[1]!.actions)[0]).toBe("Good question; a colleague will follow up.");
  });

  it("transfers, and goes to the failure step when nobody takes it", async () => {
    const { turns } = await talk(["no", "yes that would help", { event: "transfer_failed" }]);
    expect(turns[2]!.actions).toEqual([
      { type: "say", text: "Connecting you now." },
      { type: "transfer", to: "+15550001111", whisper: "Sam wants a specialist" },
    ]);
    const failed = turns[3]!;
    expect(says(failed.actions)[0]).toBe(LINES.transferFailed);
    // The callback step has no time yet: it asks for one.
    expect(says(failed.actions)[1]).toBe(LINES.callbackAsk);
    expect(failed.state.awaiting).toBe("callback_time");
  });

  it("schedules the callback at the time named, in the lead's zone, across the DST change", async () => {
    const { last } = await talk(["no", "call me back tomorrow at 3"]);
    // Tomorrow (Sunday 8 March) 15:00 EDT is 19:00 UTC; the offset changed overnight.
    expect(last.actions[0]).toEqual({ type: "schedule_callback", at: "2026-03-08T19:00:00.000Z" });
    expect(says(last.actions)).toEqual(["Great, I'll call you back tomorrow at 3:00 PM. Bye!"]);
    expect(last.actions.at(-1)).toEqual({ type: "end", disposition: "callback" });
  });

  it("asks for a time when the caller wants a callback without one, then uses the next answer", async () => {
    const { turns, last } = await talk(["this isn't a good time", "next tuesday morning"]);
    expect(says(turns[1]!.actions)).toEqual([LINES.callbackAsk]);
    // Tuesday 10 March 09:00 EDT.
    expect(last.actions[0]).toEqual({ type: "schedule_callback", at: "2026-03-10T13:00:00.000Z" });
    expect(last.state.disposition).toBe("callback");
  });

  it("resolves 'in an hour' as an hour from now", async () => {
    const { last } = await talk(["I'm driving, call me in an hour"]);
    expect(last.actions[0]).toEqual({ type: "schedule_callback", at: new Date(T0 + 10_000 + 3600_000).toISOString() });
  });

  it("reprompts an unclear answer as often as configured, then takes the otherwise branch", async () => {
    const { turns } = await talk(["banana", "the dog is barking", "blue"]);
    expect(says(turns[1]!.actions)).toEqual([LINES.unclear, "Would you like to renew?"]);
    expect(says(turns[2]!.actions)).toEqual([LINES.unclear, "Would you like to renew?"]);
    expect(turns[3]!.state).toMatchObject({ ended: true, disposition: "not_interested" });
  });

  it("says who is calling, repeats itself, and ends on a wrong person or hostility", async () => {
    const { turns } = await talk(["who is this?", "sorry what?"]);
    expect(says(turns[1]!.actions)[0]).toBe("I'm an automated AI voice assistant calling on behalf of Acme.");
    expect(says(turns[2]!.actions)).toEqual(says(turns[1]!.actions));
    expect((await talk(["you have the wrong number"])).state.disposition).toBe("wrong_number");
    expect((await talk(["this is a scam"])).state.disposition).toBe("not_interested");
  });
});

describe("edge cases", () => {
  it("asked 'when?' at a callback step, a 'sorry?' or a question does not end the call", async () => {
    const { turns } = await talk(["no", "yes", { event: "transfer_failed" }, "sorry what?", "is there a free trial?", "tomorrow at 3"]);
    expect(turns[4]!.state.ended).toBe(false);
    expect(turns[5]!.state.ended).toBe(false);
    expect(says(turns[5]!.actions)).toEqual(["Yes, 14 days.", LINES.callbackAsk]);
    expect(turns[6]!.actions[0]).toEqual({ type: "schedule_callback", at: "2026-03-08T19:00:00.000Z" });
  });

  it("an answer step answers the latest question, not an older one", async () => {
    const { turns } = await talk(["how much does it cost?", "does the plan include a mobile app?"]);
    expect(says(turns[1]!.actions)[0]).toBe("It's 29 dollars a month.");
    expect(says(turns[2]!.actions)[0]).toBe("Good question; a colleague will follow up.");
  });

  it("a callback thousands of years away is no callback time (the agent asks for one), not an error", async () => {
    const { last } = await talk(["no", "call me back in 9000 years"]);
    expect(says(last.actions)).toEqual([LINES.callbackAsk]);
    expect(last.state.awaiting).toBe("callback_time");
  });

  it("never listens past the time limit", async () => {
    const run = { ...RUN, agent: { ...RUN.agent, max_duration_seconds: 32, silence: { timeout_seconds: 10, reprompts: 2 } } };
    // At 10 s (22 s left, outside the 15 s margin) the listen is 10 s; the limit is 32 s.
    const { turns } = await talk(["what?"], run);
    expect(turns[1]!.actions.at(-1)).toEqual({ type: "listen", hints: [], timeout: 10 });
    const late = await converse(run, turns[0]!.state, { kind: "utterance", text: "what?", confidence: 1, at: new Date(T0 + 16_000) }, null);
    expect(late.actions.at(-1)).toEqual({ type: "listen", hints: [], timeout: 10 });
    const later = await converse(run, turns[0]!.state, { kind: "utterance", text: "what?", confidence: 1, at: new Date(T0 + 25_000) }, null);
    expect(later.state.ended).toBe(true);
  });

  it("waits quietly on hold while a transfer rings", async () => {
    const { turns } = await talk(["no", "yes", { silence: true }, { silence: true }, { silence: true }]);
    for (const t of turns.slice(3)) expect(t.actions).toEqual([{ type: "listen", hints: [], timeout: 4 }]);
    expect(turns.at(-1)!.state.ended).toBe(false);
  });
});

describe("the rules, whatever the flow", () => {
  const atEveryStep: [string, Step[]][] = [
    ["renew", []],
    ["seats", ["yes"]],
    ["save", ["no"]],
    ["handoff", ["no", "yes"]],
    ["later (waiting for a time)", ["no", "yes", { event: "transfer_failed" }]],
  ];
  it.each(atEveryStep)("ends with opt_out and do_not_call when the caller opts out at %s", async (_, before) => {
    const { last } = await talk([...before, "stop calling me"]);
    expect(says(last.actions)).toEqual([RULE_LINES.optOut]);
    expect(kinds(last.actions)).toEqual(["say", "opt_out", "end"]);
    expect(last.actions.at(-1)).toEqual({ type: "end", disposition: "do_not_call" });
    expect(last.state.optedOut).toBe(true);
  });

  it("tells the truth when asked whether it is a robot, then asks its question again", async () => {
    const { last } = await talk(["wait, am I talking to a real person?"]);
    expect(says(last.actions)).toEqual(["Yes, I'm an automated AI voice assistant calling on behalf of Acme.", "Would you like to renew?"]);
    expect(last.state.ended).toBe(false);
  });

  it("reprompts silence and ends with no_response after the configured silences", async () => {
    const { turns, last } = await talk([{ silence: true }, { silence: true }, { silence: true }]);
    expect(says(turns[1]!.actions)).toEqual([RULE_LINES.stillThere, "Would you like to renew?"]);
    expect(says(last.actions)).toEqual([RULE_LINES.silentGoodbye]);
    expect(last.state.disposition).toBe("no_response");
  });

  it("a word resets the silence count", async () => {
    const { last } = await talk([{ silence: true }, { silence: true }, "what?", { silence: true }]);
    expect(last.state.ended).toBe(false);
  });

  it("never runs past max_duration_seconds: it wraps up instead of answering", async () => {
    const run = { ...RUN, agent: { ...RUN.agent, max_duration_seconds: 40 } };
    // Turns are 10 s apart: the third (at 30 s) is inside the 15 s wrap-up margin before the 40 s limit.
    const { turns } = await talk(["what?", "what?", "yes"], run);
    expect(turns[2]!.state.ended).toBe(false);
    expect(turns[3]!.state.ended).toBe(true);
    expect(says(turns[3]!.actions)).toEqual([RULE_LINES.outOfTime]);
    expect(turns[3]!.actions.at(-1)).toEqual({ type: "end", disposition: "callback" });
  });

  it("wraps up when the call reports that time is running out", async () => {
    const { last } = await talk([{ event: "time_running_out" }]);
    expect(kinds(last.actions)).toEqual(["say", "schedule_callback", "end"]);
  });

  it("refuses a turn after the end", async () => {
    const { state } = await talk(["stop calling me"]);
    await expect(converse(RUN, state, { kind: "silence", at: new Date(T0 + 60_000) }, null)).rejects.toThrow("ended");
  });
});

describe("flow validation", () => {
  it("accepts the test flow and refuses one that would loop forever", () => {
    expect(flowProblems(FLOW)).toEqual([]);
    const loop = flowSchema.parse({
      start: "a",
      steps: [
        { id: "a", kind: "say", text: "One.", next: "b" },
        { id: "b", kind: "ask", text: "Two?", branches: [{ intents: ["affirm"], next: "a" }], otherwise: "a" },
        { id: "c", kind: "end", text: "Bye.", disposition: "not_interested" },
      ],
    });
    const problems = flowProblems(loop).map((p) => p.message);
    expect(problems).toContain('From step "a" the conversation can never end (it would loop forever)');
    expect(problems).toContain('Step "c" can never be reached from the start');
  });

  it("refuses spoken text that claims to be human, and a disclosure that denies being an AI", () => {
    const problems = definitionProblems({ ...RUN.agent, first_message: "Don't worry, I'm a real person!" });
    expect(problems).toContainEqual({ field: "first_message", code: "VALIDATION_003", message: "An agent never claims to be human" });
    expect(agentDefinitionSchema.safeParse({ ...RUN.agent, disclosure: "This is not an AI, it's Jane from Acme." }).success).toBe(false);
  });
});

describe("the LLM engine (AI SDK against a local chat-completions server)", () => {
  let fixture: LlmFixture;
  let llm: LlmConfig;
  const llmRun: RunContext = { ...RUN, agent: { ...RUN.agent, engine: "llm", instructions: "You renew plans politely." } };

  beforeAll(async () => {
    fixture = await startLlmFixture();
    llm = { apiKey: fixture.apiKey, baseUrl: fixture.url, model: "gpt-fixture", turnBudgetMs: 500, pricePer1MInput: 0.15, pricePer1MOutput: 0.6 };
  });
  afterAll(() => fixture.close());

  it("turns tool calls into actions, counts tokens and cost, and sends the instructions, lead and knowledge", async () => {
    fixture.script({
      toolCalls: [
        { name: "say", arguments: { text: "Lovely! How many seats?" } },
        { name: "record_answer", arguments: { field: "intent", value: "renew" } },
        { name: "listen", arguments: { hints: ["ten", "twenty"] } },
      ],
      usage: { prompt_tokens: 1000, completion_tokens: 50 },
    });
    const { last } = await talk(["sure, let's renew"], llmRun, llm);
    expect(last.actions).toEqual([
      { type: "say", text: "Lovely! How many seats?" },
      { type: "record_answer", field: "intent", value: "renew" },
      { type: "listen", hints: ["ten", "twenty"], timeout: 4 },
    ]);
    expect(last.engine).toMatchObject({ engine: "llm", fallback: null, inputTokens: 1000, outputTokens: 50 });
    // 1000 × $0.15/M + 50 × $0.60/M.
    expect(last.engine.cost).toBeCloseTo(0.00018, 8);
    const request = fixture.requests.at(-1)!;
    expect(request.model).toBe("gpt-fixture");
    const system = request.messages[0]!;
    expect(system.role).toBe("system");
    expect(String(system.content)).toContain("You renew plans politely.");
    expect(String(system.content)).toContain("first_name: Sam");
    expect(String(system.content)).toContain("It's 29 dollars a month.");
    expect(request.messages.at(-1)).toEqual({ role: "user", content: "sure, let's renew" });
    expect(request.tools!.map((t) => t.function.name).sort()).toEqual(["end", "listen", "opt_out", "record_answer", "say", "schedule_callback", "transfer"]);
    expect(last.state.turns.at(-1)).toMatchObject({ speaker: "agent", text: "Lovely! How many seats?", engine: "llm" });
  });

  it("falls back to the flow engine's answer when the model times out", async () => {
    fixture.script({ toolCalls: [{ name: "say", arguments: { text: "Too late" } }], delayMs: 1500 });
    const { last } = await talk(["yes please"], llmRun, llm);
    expect(last.engine).toMatchObject({ engine: "llm", fallback: "timeout" });
    expect(says(last.actions)).toEqual(["How many seats do you need?"]);
    expect(last.state.turns.at(-1)).toMatchObject({ engine: "flow", fallback: "timeout" });
  });

  it("falls back on malformed tool arguments, an unknown outcome, an HTTP error and a claim to be human", async () => {
    fixture.script({ toolCalls: [{ name: "say", arguments: "{not json" }] });
    expect((await talk(["yes please"], llmRun, llm)).last.engine.fallback).toBe("invalid_tool_call");
    fixture.script({ toolCalls: [{ name: "end", arguments: { disposition: "voicemail" } }] });
    expect((await talk(["yes please"], llmRun, llm)).last.engine.fallback).toBe("invalid_tool_call");
    fixture.script({ status: 500 });
    expect((await talk(["yes please"], llmRun, llm)).last.engine.fallback).toBe("error");
    fixture.script({ toolCalls: [{ name: "say", arguments: { text: "Don't worry, I'm a real person." } }, { name: "listen", arguments: {} }] });
    const human = await talk(["yes please"], llmRun, llm);
    expect(human.last.engine.fallback).toBe("claimed_human");
    expect(says(human.last.actions)).toEqual(["How many seats do you need?"]);
  });

  it("keeps the rules in code: an opt-out never reaches the model", async () => {
    const before = fixture.requests.length;
    const { last } = await talk(["please take me off your list"], llmRun, llm);
    expect(fixture.requests.length).toBe(before);
    expect(last.actions.at(-1)).toEqual({ type: "end", disposition: "do_not_call" });
  });

  it("ends the call when the model calls opt_out even without end", async () => {
    fixture.script({ toolCalls: [{ name: "say", arguments: { text: "Understood, goodbye." } }, { name: "opt_out", arguments: {} }] });
    const { last } = await talk(["hmm whatever"], llmRun, llm);
    expect(kinds(last.actions)).toEqual(["say", "opt_out", "end"]);
    expect(last.state.disposition).toBe("do_not_call");
  });

  it("puts the model's actions in a safe order: what to say first, one way to finish last", async () => {
    fixture.script({ toolCalls: [{ name: "end", arguments: { disposition: "converted" } }, { name: "say", arguments: { text: "Done, thank you!" } }, { name: "listen", arguments: {} }] });
    const { last } = await talk(["yes renew it"], llmRun, llm);
    expect(last.actions).toEqual([{ type: "say", text: "Done, thank you!" }, { type: "end", disposition: "converted" }]);
    expect(last.state).toMatchObject({ ended: true, disposition: "converted" });
  });

  it("honours the model's opt-out even when the rest of its answer is refused, and even if do_not_call is not an outcome", async () => {
    const run = { ...llmRun, agent: { ...llmRun.agent, outcomes: llmRun.agent.outcomes.filter((o) => o !== "do_not_call") } };
    fixture.script({ toolCalls: [{ name: "say", arguments: { text: "I'm a real person, but fine." } }, { name: "opt_out", arguments: {} }] });
    const { last } = await talk(["whatever, just forget it"], run, llm);
    expect(kinds(last.actions)).toEqual(["say", "opt_out", "end"]);
    expect(last.actions.at(-1)).toEqual({ type: "end", disposition: "do_not_call" });
    expect(says(last.actions)).toEqual([RULE_LINES.optOut]);
  });

  it("a word to the model resets the silence count, and a model turn keeps the flow's place", async () => {
    const run = { ...llmRun, agent: { ...llmRun.agent, silence: { timeout_seconds: 4, reprompts: 1 } } };
    fixture.script({ toolCalls: [{ name: "say", arguments: { text: "Take your time." } }, { name: "listen", arguments: {} }] });
    const { turns } = await talk([{ silence: true }, "hmm let me think", { silence: true }], run, llm);
    expect(turns[2]!.state.silences).toBe(0);
    expect(turns[3]!.state.ended).toBe(false);
  });

  it("without a configured model, an llm agent runs the flow and says why", async () => {
    const { last } = await talk(["yes please"], llmRun, null);
    expect(last.engine).toMatchObject({ engine: "flow", fallback: "not_configured" });
  });
});
