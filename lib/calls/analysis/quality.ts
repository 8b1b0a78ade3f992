// Post-call analysis, pure: the lead's sentiment and the call's quality score (1–5) from what the call
// recorded — its transcript segments, the agent's turns and how it ended. docs/calls.md "Post-call
// analysis" states the formula; change both together.
import type { Turn } from "@/lib/agents/engine/types";

export type Segment = { speaker: "agent" | "lead"; text: string; start: number; end: number };

/** Mean sentiment above this is positive, below its negative negative. */
export const SENTIMENT_THRESHOLD = 0.15;

/** The lead's sentiment: each utterance's score (−1…1) weighted by its words; none said → null. */
export function leadSentiment(segments: Segment[], scoreOf: (text: string) => number): { label: "positive" | "neutral" | "negative"; score: number } | null {
  let weighted = 0;
  let words = 0;
  for (const segment of segments) {
    if (segment.speaker !== "lead" || !segment.text.trim()) continue;
    const count = segment.text.trim().split(/\s+/).length;
    weighted += Math.max(-1, Math.min(1, scoreOf(segment.text))) * count;
    words += count;
  }
  if (!words) return null;
  const score = Math.round((weighted / words) * 1000) / 1000;
  return { label: score > SENTIMENT_THRESHOLD ? "positive" : score < -SENTIMENT_THRESHOLD ? "negative" : "neutral", score };
}

/** Weights of the components (they sum to 1). */
export const QUALITY_WEIGHTS = { completion: 0.3, talk_balance: 0.2, silences: 0.15, sentiment: 0.2, understanding: 0.15 } as const;

/** Ended reasons where the agent finished the conversation it was having. */
const COMPLETED = new Set(["agent_ended", "transferred", "voicemail"]);

export type QualityInput = {
  endedReason: string | null;
  disposition: string | null;
  segments: Segment[];
  turns: Turn[];
  sentiment: number | null;
};

export type QualityComponents = Record<keyof typeof QUALITY_WEIGHTS, number>;

/**
 * Each component is 0…1; the score is 1 + 4 × their weighted sum, to two decimals.
 * - completion: 1 when the agent ended the call (or transferred it, or left a voicemail); 0.5 when the
 *   lead hung up after a disposition was reached; 0 otherwise.
 * - talk_balance: the agent's share of talk time; 1 between 40 % and 70 %, falling linearly to 0 at
 *   10 % and 100 % (an agent that only talks, or barely does).
 * - silences: 1 − silent caller turns / 3 (three or more: 0).
 * - sentiment: the lead's sentiment mapped from −1…1 onto 0…1 (no words from the lead: 0.5).
 * - understanding: 1 − the share of caller turns the agent did not understand (intent unknown) or
 *   answered through a fallback (the LLM replaced by the flow).
 */
export function qualityScore(input: QualityInput): { score: number; components: QualityComponents } {
  const completion = input.endedReason && COMPLETED.has(input.endedReason) ? 1 : input.disposition ? 0.5 : 0;

  let agent = 0;
  let lead = 0;
  for (const s of input.segments) {
    if (s.speaker === "agent") agent += Math.max(0, s.end - s.start);
    else lead += Math.max(0, s.end - s.start);
  }
  const share = agent + lead > 0 ? agent / (agent + lead) : 1;
  const talkBalance = share < 0.4 ? Math.max(0, (share - 0.1) / 0.3) : share > 0.7 ? Math.max(0, (1 - share) / 0.3) : 1;

  const callerTurns = input.turns.filter((t) => t.speaker === "caller");
  const silent = callerTurns.filter((t) => t.text === "").length;
  const silences = Math.max(0, 1 - silent / 3);

  const sentiment = input.sentiment === null ? 0.5 : (Math.max(-1, Math.min(1, input.sentiment)) + 1) / 2;

  const spoken = callerTurns.filter((t) => t.text !== "");
  const missed = spoken.filter((t) => t.intent === "unknown").length + input.turns.filter((t) => t.speaker === "agent" && t.fallback && t.fallback !== "not_configured").length;
  const understanding = spoken.length ? Math.max(0, 1 - missed / spoken.length) : 1;

  const components: QualityComponents = {
    completion,
    talk_balance: round(talkBalance),
    silences: round(silences),
    sentiment: round(sentiment),
    understanding: round(understanding),
  };
  const sum = (Object.keys(QUALITY_WEIGHTS) as (keyof typeof QUALITY_WEIGHTS)[]).reduce((total, key) => total + QUALITY_WEIGHTS[key] * components[key], 0);
  return { score: Math.round((1 + 4 * sum) * 100) / 100, components };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
