// Call costs worked by hand from the documented default prices and from the environment's.
import { afterEach, describe, expect, it } from "vitest";
import { callCost, callPrices, type CallUsage } from "@/lib/calls/call-cost";

const USAGE: CallUsage = {
  durationSeconds: 61,
  amd: true,
  recordedSeconds: 61,
  speechCharacters: 1200,
  speechCost: 0.06,
  llmInputTokens: 5000,
  llmOutputTokens: 300,
  llmCost: 0.00093,
};

afterEach(() => {
  delete process.env.TELEPHONY_PRICE_PER_MINUTE;
  delete process.env.AMD_PRICE_PER_CALL;
  delete process.env.RECORDING_PRICE_PER_MINUTE;
});

describe("callCost", () => {
  it("bills every started minute, AMD per call, recorded minutes, speech and tokens", () => {
    // 61 s → 2 minutes: 2 × 0.014 = 0.028; AMD 0.0075; recording 2 × 0.0025 = 0.005; speech 0.06; LLM 0.00093 → 0.0009.
    expect(callCost(USAGE)).toEqual({
      telephony: { minutes: 2, price_per_minute: 0.014, cost: 0.028 },
      amd: { cost: 0.0075 },
      recording: { minutes: 2, price_per_minute: 0.0025, cost: 0.005 },
      speech: { characters: 1200, cost: 0.06 },
      llm: { input_tokens: 5000, output_tokens: 300, cost: 0.0009 },
      total: 0.1014,
    });
  });

  it("an unanswered call costs nothing but its AMD", () => {
    const cost = callCost({ ...USAGE, durationSeconds: 0, recordedSeconds: 0, speechCharacters: 0, speechCost: 0, llmInputTokens: 0, llmOutputTokens: 0, llmCost: 0 });
    expect(cost.total).toBe(0.0075);
  });

  it("takes prices from the environment, and keeps the default for a price that is not one", () => {
    process.env.TELEPHONY_PRICE_PER_MINUTE = "0.02";
    process.env.AMD_PRICE_PER_CALL = "free";
    expect(callPrices()).toEqual({ telephonyPerMinute: 0.02, amdPerCall: 0.0075, recordingPerMinute: 0.0025 });
    expect(callCost({ ...USAGE, amd: false, recordedSeconds: 0 }).telephony.cost).toBe(0.04);
  });
});
