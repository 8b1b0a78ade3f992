import { useEffect, useRef, useState } from "react";
import { createPlaybackQueue, playbackFor, type PlaybackItem, type PlaybackQueue } from "@/components/calls/playback-queue";
import type { LegEvent } from "@/components/calls/live-types";

/** However a line behaves (a stalled file, a voice that never says it is done), the queue moves on after this. */
const AUDIO_GUARD_MS = 90_000;
const SPEECH_WORDS_PER_SECOND = 2;

function playAudio(url: string, signal: AbortSignal, onBlocked: () => void): Promise<void> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    let guard = setTimeout(finish, AUDIO_GUARD_MS);
    function finish() {
      clearTimeout(guard);
      audio.removeEventListener("ended", finish);
      audio.removeEventListener("error", finish);
      signal.removeEventListener("abort", finish);
      audio.pause();
      resolve();
    }
    audio.addEventListener("ended", finish);
    audio.addEventListener("error", finish);
    audio.addEventListener("loadedmetadata", () => {
      // Once its length is known, a line that never reports its end is given up a little after it.
      if (!Number.isFinite(audio.duration)) return;
      clearTimeout(guard);
      guard = setTimeout(finish, audio.duration * 1000 + 3_000);
    });
    signal.addEventListener("abort", finish, { once: true });
    audio.play().catch((reason: unknown) => {
      // Autoplay refused: the line is shown, not heard, and the tab offers to turn the sound on.
      if (reason instanceof DOMException && reason.name === "NotAllowedError") onBlocked();
      finish();
    });
  });
}

function speak(item: Extract<PlaybackItem, { kind: "speech" }>, signal: AbortSignal): Promise<void> {
  const synth = typeof window !== "undefined" ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(item.text);
    // The lead and the whisper sound unlike the agent's voice.
    if (item.speaker === "lead") utterance.pitch = 1.2;
    if (item.speaker === "whisper") utterance.volume = 0.7;
    // Some browsers (headless ones, no voices installed) never end an utterance: a guard by its length.
    const guard = setTimeout(finish, (item.text.split(/\s+/).length / SPEECH_WORDS_PER_SECOND + 3) * 1000);
    function finish() {
      clearTimeout(guard);
      signal.removeEventListener("abort", cancel);
      resolve();
    }
    function cancel() {
      synth!.cancel();
      finish();
    }
    utterance.onend = finish;
    utterance.onerror = finish;
    signal.addEventListener("abort", cancel, { once: true });
    synth.speak(utterance);
  });
}

/**
 * Plays what the leg hears, in order and never two lines at once: each `play` event's audio, or its
 * words through speechSynthesis when it has no audio. `playing` is the event index being heard;
 * `blocked` says the browser refused to play without a click (unblock() after one).
 */
export function useLegPlayback(events: readonly LegEvent[], muted: boolean) {
  const [playing, setPlaying] = useState<number | null>(null);
  const [blocked, setBlocked] = useState(false);
  const queueRef = useRef<PlaybackQueue | null>(null);
  const seen = useRef(0);

  useEffect(() => {
    const queue = createPlaybackQueue(
      (item, signal) => (item.kind === "audio" ? playAudio(item.url, signal, () => setBlocked(true)) : speak(item, signal)),
      setPlaying,
    );
    queueRef.current = queue;
    return () => {
      queue.stop();
      queueRef.current = null;
    };
  }, []);

  useEffect(() => {
    const queue = queueRef.current;
    if (!queue) return;
    if (muted) queue.stop();
    // Lines that arrive while muted are skipped, not saved for later.
    for (; seen.current < events.length; seen.current++) {
      const item = playbackFor(events[seen.current]!, seen.current);
      if (item && !muted) queue.push(item);
    }
  }, [events, muted]);

  return { playing, blocked, unblock: () => setBlocked(false) };
}
