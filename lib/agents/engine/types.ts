// What a conversation is between turns (serialisable, persisted per conversation) and what one
// turn takes and gives. Both engines share these; ../../shared/CALL-PATH.md names the actions.
import type { AgentDefinition, KnowledgeEntry } from "@/lib/agents/schemas";
import type { Action, Disposition, Entity, Intent } from "@/lib/agents/vocabulary";

export type Turn = {
  speaker: "agent" | "caller";
  text: string;
  /** ISO 8601, from the conversation's clock. */
  at: string;
  intent?: Intent;
  confidence?: number;
  /** The agent's turns: the engine that decided it, and why the LLM was replaced when it was. */
  engine?: "flow" | "llm";
  fallback?: string | null;
  tokens?: { input: number; output: number; cost: number };
};

export type ConversationState = {
  /** The step the conversation waits at (an ask or a transfer), null before the start and after the end. */
  step: string | null;
  path: string[];
  captured: Record<string, string>;
  turns: Turn[];
  startedAt: string | null;
  /** Consecutive silences, and unclear answers at the current step. */
  silences: number;
  unclear: number;
  /** What the last caller turn asked for, waiting for the next: a time to call back. */
  awaiting: "callback_time" | null;
  /** The time the caller named in the turn that led to a callback step, kept until it is scheduled. */
  pendingCallbackAt: string | null;
  /** The knowledge entry the caller's last question matched (an answer step says it). */
  lastKnowledgeId: string | null;
  /** What the agent said last turn (repeat says it again). */
  lastSaid: string[];
  ended: boolean;
  disposition: Disposition | null;
  callbackAt: string | null;
  optedOut: boolean;
};

export const INITIAL_STATE: ConversationState = {
  step: null,
  path: [],
  captured: {},
  turns: [],
  startedAt: null,
  silences: 0,
  unclear: 0,
  awaiting: null,
  pendingCallbackAt: null,
  lastKnowledgeId: null,
  lastSaid: [],
  ended: false,
  disposition: null,
  callbackAt: null,
  optedOut: false,
};

export type EngineInput =
  | { kind: "start"; at: Date }
  | { kind: "utterance"; text: string; confidence: number; at: Date }
  | { kind: "silence"; at: Date }
  | { kind: "event"; event: "transfer_failed" | "time_running_out"; at: Date };

/** Everything about this conversation that is not its state: who speaks, to whom, for whom. */
export type RunContext = {
  agent: Omit<AgentDefinition, "knowledge"> & { id: string; knowledge: KnowledgeEntry[] };
  lead: {
    first_name?: string | null;
    last_name?: string | null;
    company?: string | null;
    email?: string | null;
    phone?: string | null;
    custom?: Record<string, string>;
  };
  organizationName: string;
  /** The lead's zone: callback times are read in it. */
  timeZone: string;
  recorded: boolean;
};

export type UnderstandingResult = {
  intent: Intent;
  confidence: number;
  entities: Entity[];
  knowledgeId: string | null;
  callbackAt: Date | null;
};

export type TurnResult = { state: ConversationState; actions: Action[]; understanding: UnderstandingResult | null };
