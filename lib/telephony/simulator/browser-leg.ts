// A browser tab on a simulated call, as Twilio's Voice SDK is a browser on a real one: the call's `to`
// (or a <Dial><Client>) is `client:<identity>`, and the tab registered under that identity is the
// other end. The tab hears what is played (events it reads with a long poll, GET /api/calls/{id}/leg,
// and plays from the audio URLs) and speaks by sending text, which the simulator posts as the Gather's SpeechResult (or,
// on a transfer, says to the lead). Events are kept from the start, so a tab that connects late (or
// reconnects) replays the call so far.

export type LegEvent =
  | { type: "ringing" }
  | { type: "answered" }
  | { type: "play"; url: string | null; text: string | null; speaker: "agent" | "lead" | "whisper" }
  | { type: "listen"; timeout: number }
  | { type: "connected"; with: string }
  | { type: "ended"; reason: string };

export type LegInput = { text: string } | { hangup: true };

export class BrowserLeg {
  readonly events: LegEvent[] = [];
  private readonly listeners = new Set<(event: LegEvent) => void>();
  private readonly queue: LegInput[] = [];
  private waiter: ((input: LegInput | null) => void) | null = null;
  ended = false;
  readonly createdAt = Date.now();
  /** The call this leg is on, once known (its sid). */
  callSid: string | null = null;
  /** Set while the tab is the callee: its hang-up ends the call at once, whatever is playing. */
  onHangup: (() => void) | null = null;

  constructor(
    readonly identity: string,
    /** Who may attach to it: the user who placed the call or asked for the transfer. */
    readonly ownerId: string,
  ) {}

  emit(event: LegEvent): void {
    if (this.ended) return;
    this.events.push(event);
    if (event.type === "ended") this.ended = true;
    for (const listener of this.listeners) listener(event);
  }

  /** Past events first, then live ones; returns the unsubscribe. */
  subscribe(listener: (event: LegEvent) => void): () => void {
    for (const event of this.events) listener(event);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What the person typed (or said), or their hang-up. Refused once the leg has ended. */
  send(input: LegInput): boolean {
    if (this.ended) return false;
    if ("hangup" in input) this.onHangup?.();
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = null;
      resolve(input);
    } else this.queue.push(input);
    return true;
  }

  /** The next input, or null when `ms` passes (silence) or `signal` aborts. */
  next(ms: number, signal: AbortSignal): Promise<LegInput | null> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const done = (input: LegInput | null) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.waiter = null;
        resolve(input);
      };
      const onAbort = () => done(null);
      const timer = setTimeout(() => done(null), ms);
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiter = done;
    });
  }
}
