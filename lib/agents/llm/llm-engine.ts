import "server-only";
// The LLM engine: one chat-completions request per caller turn through the Vercel AI SDK, with the
// action vocabulary as tools (no execute: the model only decides). Anything but a clean decision —
// timeout past the turn budget, an HTTP or network error, a tool call whose arguments do not parse,
// no say/end at all, an outcome the agent may not set, a claim to be human — is reported as a
// fallback reason, and the caller (./../engine/converse.ts) uses the flow engine's answer instead.
import { createOpenAI } from "@ai-sdk/openai";
import { generateText, tool, type ModelMessage } from "ai";
import { z } from "zod";
import type { ConversationState, RunContext } from "@/lib/agents/engine/types";
import { templateValues } from "@/lib/agents/engine/turn-builder";
import type { LlmConfig } from "@/lib/agents/llm/config";
import { renderTemplate } from "@/lib/agents/templates";
import { claimsToBeHuman } from "@/lib/agents/honesty";
import type { Action, Disposition } from "@/lib/agents/vocabulary";

export type LlmUsage = { input: number; output: number; cost: number };
/** `optOut`: the model called opt_out (or ended with do_not_call) — honoured even when the rest of its answer is not. */
export type LlmDecision =
  | { ok: true; actions: Action[]; usage: LlmUsage; latencyMs: number; optOut: boolean }
  | { ok: false; reason: string; usage: LlmUsage; latencyMs: number; optOut: boolean };


function systemPrompt(run: RunContext, state: ConversationState, now: Date): string {
  const a = run.agent;
  const values = templateValues(run, state, now);
  const lead = Object.entries(values)
    .filter(([key, value]) => key.startsWith("lead.") && value)
    .map(([key, value]) => `- ${key.slice(5)}: ${value}`)
    .join("\n");
  const step = a.flow.steps.find((s) => s.id === state.step);
  const knowledge = a.knowledge.map((k) => `Q: ${k.question}\nA: ${renderTemplate(k.answer, values)}`).join("\n\n");
  return [
    `You are ${a.name}, an AI voice agent on a phone call on behalf of ${run.organizationName}. You speak ${a.language}.`,
    a.instructions && `Your persona and goal:\n${a.instructions}`,
    lead && `What we know about the person you are calling:\n${lead}`,
    knowledge && `Answer questions and objections only from this knowledge; if it does not cover something, say a colleague will follow up:\n${knowledge}`,
    step?.kind === "ask" && `The question you last asked: "${renderTemplate(step.text, values)}"`,
    [
      "Rules:",
      "- Reply by calling tools only: `say` with one or two short spoken sentences, then `listen` to wait for the answer, or `end` to hang up.",
      "- You are an AI. Never claim or imply to be human; if asked, say truthfully that you are an automated AI assistant.",
      "- If the person asks not to be called again, call `opt_out` and then `end` with do_not_call.",
      `- End only with one of these outcomes: ${a.outcomes.join(", ")}.`,
      "- To call back later, call `schedule_callback` with an ISO 8601 time (with offset) in the person's zone " + run.timeZone + ", then `end` with callback.",
      `- The time now is ${now.toISOString()}.`,
      a.transfer ? "- To connect them with a person, say so and call `transfer`." : "- You cannot transfer the call.",
    ].join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function tools(run: RunContext) {
  // do_not_call is always allowed: an opt-out must be able to end the call whatever the outcomes list says.
  const outcomes = [...new Set([...run.agent.outcomes, "do_not_call" as const])] as [Disposition, ...Disposition[]];
  return {
    say: tool({ description: "Say something to the person", inputSchema: z.object({ text: z.string().min(1).max(1000) }) }),
    listen: tool({ description: "Wait for the person's answer", inputSchema: z.object({ hints: z.array(z.string().max(100)).max(20).optional() }) }),
    end: tool({ description: "Hang up with an outcome", inputSchema: z.object({ disposition: z.enum(outcomes) }) }),
    schedule_callback: tool({ description: "Schedule a call back", inputSchema: z.object({ at: z.iso.datetime({ offset: true }) }) }),
    opt_out: tool({ description: "The person asked not to be called again", inputSchema: z.object({}) }),
    record_answer: tool({
      description: "Record something the person told you",
      inputSchema: z.object({ field: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), value: z.string().max(500) }),
    }),
    ...(run.agent.transfer ? { transfer: tool({ description: "Connect the person to a human colleague", inputSchema: z.object({}) }) } : {}),
  };
}

function history(state: ConversationState): ModelMessage[] {
  return state.turns.map((t) => (t.speaker === "agent" ? { role: "assistant" as const, content: t.text } : { role: "user" as const, content: t.text }));
}

/** Asks the model for this turn's actions. `state` already holds the caller's latest words. */
export async function llmDecide(config: LlmConfig, run: RunContext, state: ConversationState, now: Date): Promise<LlmDecision> {
  const started = performance.now();
  const openai = createOpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey });
  const usage: LlmUsage = { input: 0, output: 0, cost: 0 };
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  let result;
  try {
    result = await generateText({
      model: openai.chat(config.model),
      system: systemPrompt(run, state, now),
      messages: history(state),
      tools: tools(run),
      toolChoice: "required",
      maxRetries: 0,
      temperature: 0.3,
      abortSignal: AbortSignal.timeout(config.turnBudgetMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const timedOut = name === "TimeoutError" || name === "AbortError" || (error instanceof Error && /abort|timeout/i.test(error.message));
    return { ok: false, reason: timedOut ? "timeout" : "error", usage, latencyMs: elapsed(), optOut: false };
  }
  usage.input = result.usage.inputTokens ?? 0;
  usage.output = result.usage.outputTokens ?? 0;
  usage.cost = Math.round(((usage.input * config.pricePer1MInput + usage.output * config.pricePer1MOutput) / 1e6) * 1e8) / 1e8;

  const optOut = result.toolCalls.some(
    (c) => c?.toolName === "opt_out" || (c?.toolName === "end" && (c.input as { disposition?: unknown } | undefined)?.disposition === "do_not_call"),
  );
  const fail = (reason: string): LlmDecision => ({ ok: false, reason, usage, latencyMs: elapsed(), optOut });
  const actions: Action[] = [];
  for (const call of result.toolCalls) {
    if (!call || call.invalid || call.dynamic) return fail("invalid_tool_call");
    const input = call.input as Record<string, unknown>;
    switch (call.toolName) {
      case "say":
        if (claimsToBeHuman(String(input.text))) return fail("claimed_human");
        actions.push({ type: "say", text: String(input.text) });
        break;
      case "listen":
        actions.push({ type: "listen", hints: (input.hints as string[] | undefined) ?? [], timeout: run.agent.silence.timeout_seconds });
        break;
      case "end":
        actions.push({ type: "end", disposition: input.disposition as Disposition });
        break;
      case "schedule_callback": {
        const at = new Date(String(input.at));
        if (!(at.getTime() > now.getTime())) return fail("invalid_tool_call");
        actions.push({ type: "schedule_callback", at: at.toISOString() });
        break;
      }
      case "opt_out":
        actions.push({ type: "opt_out" });
        break;
      case "record_answer":
        actions.push({ type: "record_answer", field: String(input.field), value: String(input.value) });
        break;
      case "transfer": {
        const values = templateValues(run, state, now);
        actions.push({ type: "transfer", to: run.agent.transfer!.to, whisper: renderTemplate(run.agent.transfer!.whisper, values) });
        break;
      }
    }
  }
  if (!actions.some((a) => a.type === "say" || a.type === "end" || a.type === "transfer")) {
    return fail("no_action");
  }
  return { ok: true, actions, usage, latencyMs: elapsed(), optOut };
}
