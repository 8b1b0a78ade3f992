// The post-call formula, checked against hand-worked calls (docs/calls.md "Post-call analysis").
import { describe, expect, it } from "vitest";
import { leadSentiment, qualityScore, type Segment } from "@/lib/calls/analysis/quality";
import type { Turn } from "@/lib/agents/engine/types";

const seg = (speaker: "agent" | "lead", start: number, end: number, text = "words here"): Segment => ({ speaker, text, start, end });
const caller = (text: string, intent: Turn["intent"] = "affirm"): Turn => ({ speaker: "caller", text, at: "2026-12-01T17:00:00Z", intent });
const agent = (fallback: string | null = null): Turn => ({ speaker: "agent", text: "…", at: "2026-12-01T17:00:00Z", fallback });

describe("leadSentiment", () => {
  it("weights each utterance by its words and labels by ±0.15", () => {
    const scores: Record<string, number> = { "this is great": 0.6, "no": -0.4, "okay then fine": 0 };
    const of = (t: string) => scores[t]!;
    // (0.6×3 + −0.4×1) / 4 = 0.35
    expect(leadSentiment([seg("lead", 0, 1, "this is great"), seg("lead", 1, 2, "no")], of)).toEqual({ label: "positive", score: 0.35 });
    // (−0.4×1 + 0×3) / 4 = −0.1
    expect(leadSentiment([seg("lead", 0, 1, "no"), seg("lead", 1, 2, "okay then fine")], of)).toEqual({ label: "neutral", score: -0.1 });
    expect(leadSentiment([seg("lead", 0, 1, "no")], of)).toEqual({ label: "negative", score: -0.4 });
    expect(leadSentiment([seg("agent", 0, 1, "this is great")], of)).toBeNull();
  });
});

describe("qualityScore", () => {
  it("scores a clean call the agent finished at 5", () => {
    const result = qualityScore({
      endedReason: "agent_ended",
      disposition: "interested",
      segments: [seg("agent", 0, 6), seg("lead", 6, 10)], // agent 60 %
      turns: [agent(), caller("yes"), agent()],
      sentiment: 1,
    });
    expect(result).toEqual({ score: 5, components: { completion: 1, talk_balance: 1, silences: 1, sentiment: 1, understanding: 1 } });
  });

  it("takes off for a hang-up, a monologue, silences, bad feeling and misunderstanding", () => {
    const result = qualityScore({
      endedReason: "hung_up_by_lead",
      disposition: "not_interested", // reached a disposition: completion 0.5
      segments: [seg("agent", 0, 17.5), seg("lead", 17.5, 20)], // agent 87.5 %: (1 − 0.875) / 0.3 = 0.4167
      turns: [agent(), caller(""), caller("huh", "unknown"), agent("timeout"), caller("no", "deny")], // 1 silence; 2 spoken, 1 unknown + 1 fallback
      sentiment: -0.5, // 0.25
    });
    expect(result.components).toEqual({ completion: 0.5, talk_balance: 0.417, silences: 0.667, sentiment: 0.25, understanding: 0 });
    // 1 + 4 × (0.3×0.5 + 0.2×0.417 + 0.15×0.667 + 0.2×0.25 + 0.15×0) = 1 + 4 × 0.3834 = 2.53
    expect(result.score).toBe(2.53);
  });

  it("gives a call nobody spoke on the floor of each component it can judge", () => {
    const result = qualityScore({ endedReason: "no_answer", disposition: null, segments: [], turns: [], sentiment: null });
    // No talk: the agent's share counts as 100 % (0); no sentiment: neutral 0.5.
    expect(result.components).toEqual({ completion: 0, talk_balance: 0, silences: 1, sentiment: 0.5, understanding: 1 });
    expect(result.score).toBe(1 + 4 * (0.15 * 1 + 0.2 * 0.5 + 0.15 * 1));
  });
});
