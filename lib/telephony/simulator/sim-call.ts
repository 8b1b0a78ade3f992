// One simulated call: its state, and its clock — call time runs at the simulator's speed, and a wait is
// cut short by a hang-up (the call's `ended`) or a redirect from the app (its `interrupt`).
import { createHash } from "node:crypto";
import type { CreateCallParams, ProviderCallState, ProviderRecording } from "@/lib/telephony/provider";
import type { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";

/** How the simulator is set up (lib/telephony/telephony.ts gives it the product's ears, voice and storage). */
export type SimulatorOptions = {
  /** The token requests are signed with (the same one the app checks). */
  authToken: string;
  /** 1 = real time; 100 = a minute in 0.6 s. */
  speed: number;
  /** The callee's ears: the words in a played audio file, when the app can tell (else null). */
  hear?: (audioUrl: string) => Promise<string | null>;
  /** A lead's `sim_persona`, looked up by the called number. */
  personaOverride?: (to: string) => Promise<string | null>;
  fetch?: typeof fetch;
  /** The callee's voice in the recording: their words spoken by a built-in voice (null: that channel stays silent). */
  calleeVoice?: (text: string) => Promise<Uint8Array | null>;
  /** Keeps a finished recording where the app can fetch it, and returns its URL (RecordingUrl). */
  publishRecording?: (recordingSid: string, wav: Buffer) => Promise<string>;
  unpublishRecording?: (url: string) => Promise<void>;
};

export type Segment = { speaker: "agent" | "lead"; text: string; start: number; end: number; audio?: Uint8Array };

export type SimCall = {
  sid: string;
  params: CreateCallParams;
  status: ProviderCallState["status"];
  startedAt: number;
  answeredAt: number | null;
  durationSeconds: number | null;
  sequence: number;
  /** Ends the call (a hang-up from the app, the time limit). */
  ended: AbortController;
  /** Interrupts what is playing so a redirect from the app takes over. */
  interrupt: AbortController;
  redirectTo: string | null;
  segments: Segment[];
  /** The tab that is the callee (a call to client:<identity>), if any. */
  leg: BrowserLeg | null;
  /** Its recording, once made. */
  recording: ProviderRecording | null;
  done: Promise<void>;
};

/** A redirect from the app interrupted what was playing. */
export class Interrupted extends Error {}

/** An application error as Twilio's debugger names it (11200, 11205, 13227…). */
export class HttpFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const ACCOUNT_SID = `AC${createHash("sha256").update("vocelio-carrier-simulator").digest("hex").slice(0, 32)}`;

/** Seconds of call time since the answer. */
export function elapsed(call: SimCall, speed: number): number {
  return call.answeredAt === null ? 0 : ((Date.now() - call.answeredAt) * speed) / 1000;
}

/** Waits `seconds` of call time; a hang-up (and, when `interruptible`, a redirect) cuts it short. */
export function wait(call: SimCall, seconds: number, speed: number, interruptible = true): Promise<void> {
  const ms = (seconds * 1000) / speed;
  const interrupt = interruptible ? call.interrupt.signal : new AbortController().signal;
  return new Promise((resolve, reject) => {
    if (call.ended.signal.aborted) return reject(call.ended.signal.reason);
    if (interrupt.aborted) return reject(new Interrupted());
    const timer = setTimeout(done, ms);
    const onEnd = () => {
      clearTimeout(timer);
      cleanup();
      reject(call.ended.signal.reason);
    };
    const onInterrupt = () => {
      clearTimeout(timer);
      cleanup();
      reject(new Interrupted());
    };
    function cleanup() {
      call.ended.signal.removeEventListener("abort", onEnd);
      interrupt.removeEventListener("abort", onInterrupt);
    }
    function done() {
      cleanup();
      resolve();
    }
    call.ended.signal.addEventListener("abort", onEnd, { once: true });
    interrupt.addEventListener("abort", onInterrupt, { once: true });
  });
}

/** What every request about a call carries, as Twilio sends it. */
export function baseParams(call: SimCall): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: call.sid,
    CallStatus: call.status,
    Direction: "outbound-api",
    From: call.params.from,
    To: call.params.to,
  };
}
