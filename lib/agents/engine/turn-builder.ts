// Builds one turn's actions and the state after it: everything said is rendered from its template
// with the lead's values and recorded as an agent turn, and an end always comes last.
import type { ConversationState, RunContext, UnderstandingResult } from "@/lib/agents/engine/types";
import { renderTemplate, type TemplateValues } from "@/lib/agents/templates";
import type { Action, Disposition } from "@/lib/agents/vocabulary";
import { sayCallbackTime } from "@/lib/agents/understanding/callback-time";

export function templateValues(run: RunContext, state: ConversationState, now: Date): TemplateValues {
  const values: TemplateValues = {
    "lead.first_name": run.lead.first_name,
    "lead.last_name": run.lead.last_name,
    "lead.company": run.lead.company,
    "lead.email": run.lead.email,
    "lead.phone": run.lead.phone,
    "agent.name": run.agent.name,
    "organization.name": run.organizationName,
    "callback.time": state.callbackAt ? sayCallbackTime(new Date(state.callbackAt), run.timeZone, now) : null,
  };
  for (const [key, value] of Object.entries(run.lead.custom ?? {})) values[`lead.custom.${key}`] = value;
  return values;
}

export class TurnBuilder {
  readonly state: ConversationState;
  readonly actions: Action[] = [];
  private readonly said: string[] = [];

  constructor(
    private readonly run: RunContext,
    state: ConversationState,
    private readonly now: Date,
  ) {
    this.state = structuredClone(state);
  }

  /** Records what the caller said (or that they were silent) before the agent answers. */
  heard(text: string, understanding: UnderstandingResult | null): this {
    this.state.turns.push({
      speaker: "caller",
      text,
      at: this.now.toISOString(),
      ...(understanding ? { intent: understanding.intent, confidence: understanding.confidence } : {}),
    });
    return this;
  }

  say(template: string): this {
    const text = renderTemplate(template, templateValues(this.run, this.state, this.now));
    if (text) {
      this.actions.push({ type: "say", text });
      this.said.push(text);
    }
    return this;
  }

  /** Model-written text: said as it is (no templates in it to render). */
  sayVerbatim(text: string): this {
    if (text.trim()) {
      this.actions.push({ type: "say", text });
      this.said.push(text);
    }
    return this;
  }

  listen(hints: string[] = []): this {
    // Never wait past the time limit for an answer.
    const elapsed = this.state.startedAt ? (this.now.getTime() - Date.parse(this.state.startedAt)) / 1000 : 0;
    const left = Math.max(1, Math.floor(this.run.agent.max_duration_seconds - elapsed));
    this.actions.push({ type: "listen", hints, timeout: Math.min(this.run.agent.silence.timeout_seconds, left) });
    return this;
  }

  record(field: string, value: string): this {
    this.state.captured[field] = value;
    this.actions.push({ type: "record_answer", field, value });
    return this;
  }

  callback(at: Date | null): this {
    this.state.callbackAt = at ? at.toISOString() : null;
    this.state.pendingCallbackAt = null;
    this.actions.push({ type: "schedule_callback", at: this.state.callbackAt });
    return this;
  }

  transfer(): this {
    const transfer = this.run.agent.transfer!;
    const whisper = renderTemplate(transfer.whisper, templateValues(this.run, this.state, this.now));
    this.actions.push({ type: "transfer", to: transfer.to, whisper });
    return this;
  }

  optOut(): this {
    this.state.optedOut = true;
    this.actions.push({ type: "opt_out" });
    return this;
  }

  end(disposition: Disposition): this {
    this.state.ended = true;
    this.state.disposition = disposition;
    this.state.step = null;
    this.state.awaiting = null;
    this.actions.push({ type: "end", disposition });
    return this;
  }

  visit(stepId: string): this {
    this.state.path.push(stepId);
    return this;
  }

  /** The finished turn; the agent's words are one turn in the transcript. */
  finish(engine: "flow" | "llm" = "flow", extra: { fallback?: string | null; tokens?: { input: number; output: number; cost: number } } = {}) {
    if (this.said.length) {
      this.state.turns.push({ speaker: "agent", text: this.said.join(" "), at: this.now.toISOString(), engine, ...extra });
      this.state.lastSaid = [...this.said];
    }
    return { state: this.state, actions: this.actions };
  }
}
