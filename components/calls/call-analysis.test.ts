import { describe, expect, it } from "vitest";
import { costRows, detailEntries } from "@/components/calls/call-analysis";

describe("analysis details, whatever their shape", () => {
  it("lists scalars with readable labels", () => {
    expect(detailEntries({ talk_ratio: 0.4567, interrupted: false, summary: "Asked about price", intent: "price_question" })).toEqual([
      { label: "Talk ratio", value: "0.46" },
      { label: "Interrupted", value: "No" },
      { label: "Summary", value: "Asked about price" },
      { label: "Intent", value: "Price question" },
    ]);
  });

  it("leaves ids alone", () => {
    expect(detailEntries({ hang_up_by: "user_01jd8k2", answered_by: "machine_end_beep" })).toEqual([
      { label: "Hang up by", value: "user_01jd8k2" },
      { label: "Answered by", value: "Machine end beep" },
    ]);
  });

  it("flattens one level of nesting and joins lists", () => {
    expect(detailEntries({ components: { clarity: 4.5, empathy: 4 }, topics: ["price", "trial"], missing: null })).toEqual([
      { label: "Components · Clarity", value: "4.5" },
      { label: "Components · Empathy", value: "4" },
      { label: "Topics", value: "price, trial" },
      { label: "Missing", value: "—" },
    ]);
  });

  it("reads the post-call analysis as the server stores it, instants in the viewer's words", () => {
    const details = { quality_components: { completion: 1, talk_balance: 0.85 }, sentiment_score: 0.234, analyzed_at: "2026-11-30T15:06:00.000Z" };
    expect(detailEntries(details, { dateTime: (iso) => `at ${iso.slice(11, 16)}` })).toEqual([
      { label: "Quality components · Completion", value: "1" },
      { label: "Quality components · Talk balance", value: "0.85" },
      { label: "Sentiment score", value: "0.23" },
      { label: "Analyzed at", value: "at 15:06" },
    ]);
  });

  it("shows anything deeper as JSON, and nothing for a non-object", () => {
    expect(detailEntries({ a: { b: { c: 1 } } })).toEqual([{ label: "A · B", value: '{"c":1}' }]);
    expect(detailEntries(null)).toEqual([]);
    expect(detailEntries([1, 2])).toEqual([]);
    expect(detailEntries("text")).toEqual([]);
  });
});

describe("the cost breakdown", () => {
  const breakdown = {
    telephony: { minutes: 4, price_per_minute: 0.014, cost: 0.056 },
    amd: { cost: 0.0075 },
    recording: { minutes: 4, price_per_minute: 0.0025, cost: 0.01 },
    speech: { characters: 1200, cost: 0.036 },
    llm: { input_tokens: 3000, output_tokens: 400, cost: 0.002 },
    total: 0.1115,
  };

  it("lists each part in order with its usage, and the total", () => {
    const { rows, total } = costRows(breakdown);
    expect(rows.map((r) => r.label)).toEqual(["Telephony", "Answering-machine detection", "Recording", "Speech", "Language model"]);
    expect(rows[0]).toMatchObject({ detail: "4 min × $0.014/min", cost: 0.056 });
    expect(rows[1]!.detail).toBeNull();
    expect(rows[3]!.detail).toBe("1,200 characters");
    expect(rows[4]!.detail).toBe("3,000 in / 400 out tokens");
    expect(total).toBe(0.1115);
  });

  it("keeps parts it does not know, and adds them up when there is no total", () => {
    const { rows, total } = costRows({ telephony: { minutes: 1, price_per_minute: 0.014, cost: 0.014 }, transfer_leg: { minutes: 2, cost: 0.03 }, fees: 0.01 });
    expect(rows.map((r) => [r.label, r.detail, r.cost])).toEqual([
      ["Telephony", "1 min × $0.014/min", 0.014],
      ["Transfer leg", "2 min", 0.03],
      ["Fees", null, 0.01],
    ]);
    expect(total).toBeCloseTo(0.054);
    expect(costRows({}).total).toBeNull();
  });
});
