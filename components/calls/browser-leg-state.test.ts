import { describe, expect, it } from "vitest";
import { canSpeak, legView, phaseText } from "@/components/calls/browser-leg-state";
import type { LegEvent } from "@/components/calls/live-types";

const opening: LegEvent[] = [
  { type: "ringing" },
  { type: "answered" },
  { type: "play", url: "/v/disclosure.mp3", text: "Hi, this is Ava, an automated AI voice assistant.", speaker: "agent" },
  { type: "play", url: "/v/first.mp3", text: "Your plan renews soon.", speaker: "agent" },
  { type: "listen", timeout: 5 },
];

describe("the browser leg as a conversation", () => {
  it("says what is happening as the call goes", () => {
    expect(legView([]).phase).toBe("connecting");
    expect(legView(opening.slice(0, 1)).phase).toBe("connecting");
    expect(legView(opening.slice(0, 3)).phase).toBe("speaking");
    expect(legView(opening).phase).toBe("your_turn");
    expect(phaseText("your_turn", "call")).toBe("Your turn — type what you'd say");
    expect(canSpeak("connecting")).toBe(false);
    expect(canSpeak("your_turn")).toBe(true);
  });

  it("puts your line where you said it, and waits for the agent after it", () => {
    const said = [{ id: 1, text: "How much does it cost?", after: opening.length, pending: false }];
    const waiting = legView(opening, said);
    expect(waiting.phase).toBe("thinking");
    expect(waiting.lines.map((l) => (l.kind === "you" ? `you: ${l.text}` : `${l.speaker}: ${l.text}`))).toEqual([
      "agent: Hi, this is Ava, an automated AI voice assistant.",
      "agent: Your plan renews soon.",
      "you: How much does it cost?",
    ]);
    const answered = legView([...opening, { type: "play", url: "/v/price.mp3", text: "It is $20 a month.", speaker: "agent" }, { type: "listen", timeout: 5 }], said);
    expect(answered.phase).toBe("your_turn");
    expect(answered.lines.at(-2)).toMatchObject({ kind: "you", text: "How much does it cost?" });
    expect(answered.lines.at(-1)).toMatchObject({ kind: "heard", text: "It is $20 a month." });
  });

  it("a take-over: the whisper first, then connected with the lead until the end", () => {
    const events: LegEvent[] = [
      { type: "ringing" },
      { type: "answered" },
      { type: "play", url: null, text: "Dana, interested in the annual plan.", speaker: "whisper" },
      { type: "connected", with: "+14155550100" },
      { type: "play", url: null, text: "Hello?", speaker: "lead" },
    ];
    expect(legView(events.slice(0, 3)).phase).toBe("speaking");
    expect(phaseText("speaking", "takeover")).toBe("Listening to the whisper…");
    const view = legView(events);
    expect(view.phase).toBe("connected");
    expect(view.lines.map((l) => l.kind === "heard" && l.speaker)).toEqual(["whisper", "lead"]);
    const over = legView([...events, { type: "ended", reason: "completed" }]);
    expect(over.phase).toBe("ended");
    expect(over.endedReason).toBe("completed");
    expect(canSpeak(over.phase)).toBe(false);
  });
});
