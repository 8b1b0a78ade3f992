// The one clock the call path reads (the legal window, call timestamps): real time, which a test can
// move to a moment of its choosing without touching the process's timers.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Tests only: make now() read as `at` from this moment on (real time keeps running from there). */
export function setClock(at: Date | null): void {
  offsetMs = at ? at.getTime() - Date.now() : 0;
}
