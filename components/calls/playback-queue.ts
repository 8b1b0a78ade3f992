// What a browser leg hears, played one line after another and never two at once: audio files in
// order, and lines that come as text only (the lead during a take-over) spoken by the browser.
// The queue is plain code over an injected player, so ordering is tested without a browser.
import type { LegEvent } from "@/components/calls/live-types";

export type PlaybackItem =
  | { kind: "audio"; id: number; url: string }
  | { kind: "speech"; id: number; text: string; speaker: "agent" | "lead" | "whisper" };

/** How one `play` event is heard: its audio, else its words spoken; null when there is nothing to hear. */
export function playbackFor(event: LegEvent, id: number): PlaybackItem | null {
  if (event.type !== "play") return null;
  if (event.url) return { kind: "audio", id, url: event.url };
  const text = event.text?.trim();
  return text ? { kind: "speech", id, text, speaker: event.speaker } : null;
}

/** Plays one item; resolves when it has finished (or failed: a line that cannot play is skipped). */
export type Player = (item: PlaybackItem, signal: AbortSignal) => Promise<void>;

export type PlaybackQueue = {
  push: (item: PlaybackItem) => void;
  /** Stops what is playing and drops what waits; the queue can be used again afterwards. */
  stop: () => void;
  /** Items not yet finished, the playing one included. */
  readonly pending: number;
};

/**
 * A FIFO over `player`: each item starts only after the previous one settled, in the order pushed.
 * `onChange` hears the id playing now (null when idle).
 */
export function createPlaybackQueue(player: Player, onChange: (playing: number | null) => void = () => {}): PlaybackQueue {
  const waiting: PlaybackItem[] = [];
  let current: { item: PlaybackItem; controller: AbortController } | null = null;

  async function drain() {
    if (current) return;
    const item = waiting.shift();
    if (!item) {
      onChange(null);
      return;
    }
    const controller = new AbortController();
    current = { item, controller };
    onChange(item.id);
    try {
      await player(item, controller.signal);
    } catch {
      // A line that cannot be played is skipped; the next one still plays.
    }
    // stop() may have replaced the run in the meantime: only the run that owns `current` continues.
    if (current?.controller !== controller) return;
    current = null;
    void drain();
  }

  return {
    push(item) {
      waiting.push(item);
      void drain();
    },
    stop() {
      waiting.length = 0;
      current?.controller.abort();
      current = null;
      onChange(null);
    },
    get pending() {
      return waiting.length + (current ? 1 : 0);
    },
  };
}
