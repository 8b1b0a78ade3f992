// The browser leg's events as a conversation and a phase, pure: the lines heard (agent, lead, whisper)
// with what you said placed where you said it, and what the tab should tell you now.
import type { LegEvent } from "@/components/calls/live-types";

/** "call": the agent calls you and you answer as the lead. "takeover": you replace the agent, with the lead. */
export type LegMode = "call" | "takeover";

export type LegPhase = "connecting" | "speaking" | "your_turn" | "thinking" | "connected" | "ended";

/** Something you said: `after` is how many events the tab had when you sent it. */
export type SaidLine = { id: number; text: string; after: number; pending: boolean };

export type LegLine =
  | { kind: "heard"; key: string; id: number; speaker: "agent" | "lead" | "whisper"; text: string | null; url: string | null }
  | { kind: "you"; key: string; id: number; text: string; pending: boolean };

export type LegView = { phase: LegPhase; lines: LegLine[]; endedReason: string | null };

/** The conversation so far and the phase, from every event since the start and your own lines. */
export function legView(events: readonly LegEvent[], said: readonly SaidLine[] = []): LegView {
  const lines: LegLine[] = [];
  const mine = [...said].sort((a, b) => a.after - b.after || a.id - b.id);
  let next = 0;
  const yours = (upTo: number) => {
    while (next < mine.length && mine[next]!.after <= upTo) {
      const line = mine[next++]!;
      lines.push({ kind: "you", key: `you-${line.id}`, id: line.id, text: line.text, pending: line.pending });
    }
  };

  let phase: LegPhase = "connecting";
  let connected = false;
  let endedReason: string | null = null;
  events.forEach((event, index) => {
    yours(index);
    switch (event.type) {
      case "ringing":
        if (!connected) phase = "connecting";
        break;
      case "answered":
        if (!connected) phase = "speaking";
        break;
      case "play":
        lines.push({ kind: "heard", key: `event-${index}`, id: index, speaker: event.speaker, text: event.text, url: event.url });
        if (!connected) phase = "speaking";
        break;
      case "listen":
        // Answered already when you sent a line after this prompt.
        phase = mine.some((line) => line.after > index) ? "thinking" : "your_turn";
        break;
      case "connected":
        connected = true;
        phase = "connected";
        break;
      case "ended":
        phase = "ended";
        endedReason = event.reason;
        break;
    }
  });
  yours(Number.POSITIVE_INFINITY);
  return { phase, lines, endedReason };
}

const PHASE_TEXT: Record<LegPhase, string> = {
  connecting: "Connecting…",
  speaking: "The agent is speaking…",
  your_turn: "Your turn — type what you'd say",
  thinking: "The agent is answering…",
  connected: "You're connected with the lead",
  ended: "Call ended",
};

/** What the tab says about the call now. Before a take-over is connected, what plays is the whisper. */
export function phaseText(phase: LegPhase, mode: LegMode): string {
  if (mode === "takeover" && phase === "speaking") return "Listening to the whisper…";
  return PHASE_TEXT[phase];
}

/** Whether you can speak now: the call is answered and not over (a line sent early waits for your turn). */
export function canSpeak(phase: LegPhase): boolean {
  return phase !== "connecting" && phase !== "ended";
}
