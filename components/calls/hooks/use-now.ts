import { useSyncExternalStore } from "react";

// One clock for the whole page: every subscriber re-renders on the same tick, so durations shown side
// by side move together. The interval runs only while something listens.
const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Stable between ticks (useSyncExternalStore requires it); the first read (and a subscribe after a
// pause) takes the time afresh.
function read() {
  if (now === 0) now = Date.now();
  return now;
}

/** The time now in ms, moving on every second; 0 on the server (render no clock there). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, () => 0);
}
