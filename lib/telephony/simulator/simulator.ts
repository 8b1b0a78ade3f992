// The built-in carrier simulator: a TelephonyProvider that behaves like Twilio toward the app. It takes
// createCall, then talks to the app only over HTTP — status callbacks with SequenceNumber, the voice
// URL, Gather actions with SpeechResult, the AMD callback — each request form-encoded and signed with
// X-Twilio-Signature exactly as Twilio signs, and it plays the TwiML it gets back. The callee is a
// persona (./personas.ts) answering from a phrase bank (./callee.ts). Time runs at SIMULATOR_SPEED
// (1 = real time). A call to `client:<identity>` (or a <Dial><Client>) reaches a browser tab registered
// under that identity (./browser-leg.ts) instead of a persona. An answered call that asked for a
// recording gets a two-channel one (./recording.ts), announced on its recording callback as Twilio does.
import { createHash, randomBytes } from "node:crypto";
import type { CreateCallParams, ProviderCallState, ProviderRecording, RecordingFile, TelephonyProvider } from "@/lib/telephony/provider";
import { parseTwiml, TwimlError, type SpokenVerb, type Verb } from "@/lib/telephony/simulator/parse-twiml";
import { personaFor, type Persona } from "@/lib/telephony/simulator/personas";
import { calleeReply } from "@/lib/telephony/simulator/callee";
import { seededRandom } from "@/lib/seeded-random";
import { parseWav, pcmDuration } from "@/lib/voice/wav";
import { mp3Duration } from "@/lib/voice/mp3";
import { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";
import { mixRecording, type RecordingTrack } from "@/lib/telephony/simulator/recording";

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

/** A typed reply takes longer than a spoken one: a tab gets at least this long before its silence counts. */
const BROWSER_LISTEN_MS = 30_000;
/** A person who took a call over may think a while; the simulator waits this long for each of their lines. */
const BROWSER_TALK_MS = 5 * 60_000;

type Segment = { speaker: "agent" | "lead"; text: string; start: number; end: number; audio?: Uint8Array };

type SimCall = {
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

class Interrupted extends Error {}
class HttpFailure extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const ACCOUNT_SID = `AC${createHash("sha256").update("vocelio-carrier-simulator").digest("hex").slice(0, 32)}`;

export class CarrierSimulator implements TelephonyProvider {
  readonly id = "simulator" as const;
  private readonly calls = new Map<string, SimCall>();
  private readonly clients = new Map<string, BrowserLeg>();
  private readonly http: typeof fetch;

  constructor(private readonly options: SimulatorOptions) {
    this.http = options.fetch ?? fetch;
  }

  get timeScale(): number {
    return this.options.speed;
  }

  /** A tab that can be called as client:<identity>; a new registration replaces an ended one. */
  registerClient(identity: string, ownerId: string): BrowserLeg {
    // A tab that never got its call (the call was refused, or never placed) is let go after a while.
    for (const [id, leg] of this.clients) if (leg.callSid === null && Date.now() - leg.createdAt > 10 * 60_000) this.clients.delete(id);
    const existing = this.clients.get(identity);
    if (existing && !existing.ended) return existing;
    const leg = new BrowserLeg(identity, ownerId);
    this.clients.set(identity, leg);
    return leg;
  }

  /** The tab's call could not be placed: it is let go at once. */
  forgetClient(identity: string): void {
    this.clients.get(identity)?.emit({ type: "ended", reason: "not_placed" });
    this.clients.delete(identity);
  }

  client(identity: string): BrowserLeg | null {
    return this.clients.get(identity) ?? null;
  }

  /** The tab `ownerId` has on call `sid` (its callee, or the person a transfer is for). */
  legFor(sid: string, ownerId: string): BrowserLeg | null {
    let found: BrowserLeg | null = null;
    // The newest registration wins (a tab that took the call over after an earlier leg ended).
    for (const leg of this.clients.values()) if (leg.callSid === sid && leg.ownerId === ownerId) found = leg;
    return found;
  }

  async findRecording(callSid: string): Promise<ProviderRecording | null> {
    return this.calls.get(callSid)?.recording ?? null;
  }

  async downloadRecording(url: string): Promise<RecordingFile> {
    const response = await this.http(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`The simulator's recording answered ${response.status}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "audio/wav" };
  }

  async releaseRecording(url: string): Promise<void> {
    await this.options.unpublishRecording?.(url);
  }

  async createCall(params: CreateCallParams): Promise<{ sid: string }> {
    const sid = `CA${randomBytes(16).toString("hex")}`;
    const call: SimCall = {
      sid,
      params,
      status: "queued",
      startedAt: Date.now(),
      answeredAt: null,
      durationSeconds: null,
      sequence: 0,
      ended: new AbortController(),
      interrupt: new AbortController(),
      redirectTo: null,
      segments: [],
      leg: null,
      recording: null,
      done: Promise.resolve(),
    };
    this.calls.set(sid, call);
    call.done = this.run(call);
    return { sid };
  }

  async hangup(sid: string): Promise<void> {
    this.calls.get(sid)?.ended.abort();
  }

  async redirect(sid: string, url: string): Promise<void> {
    const call = this.calls.get(sid);
    // As Twilio (21220): only a call in progress can be redirected.
    if (!call || call.answeredAt === null || call.ended.signal.aborted) throw new Error("21220: Call is not in-progress. Cannot redirect.");
    call.redirectTo = url;
    call.interrupt.abort();
  }

  async fetchCall(sid: string): Promise<ProviderCallState | null> {
    const call = this.calls.get(sid);
    return call ? { sid, status: call.status, durationSeconds: call.durationSeconds } : null;
  }

  /** Resolves when the call has ended and its last callback was sent (tests and benchmarks wait on it). */
  async settled(sid: string): Promise<void> {
    await this.calls.get(sid)?.done;
  }

  /** What was said, with offsets in seconds from the answer (for the recording, and for tests). */
  transcript(sid: string): Segment[] {
    return (this.calls.get(sid)?.segments ?? []).filter((segment) => segment.text !== "").map(({ speaker, text, start, end }) => ({ speaker, text, start, end }));
  }

  private elapsed(call: SimCall): number {
    return call.answeredAt === null ? 0 : ((Date.now() - call.answeredAt) * this.options.speed) / 1000;
  }

  /** Waits `seconds` of call time; a hang-up (and, when `interruptible`, a redirect) cuts it short. */
  private wait(call: SimCall, seconds: number, interruptible = true): Promise<void> {
    const ms = (seconds * 1000) / this.options.speed;
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

  private async sign(url: string, params: Record<string, string>): Promise<string> {
    const { default: twilio } = await import("twilio");
    return twilio.getExpectedTwilioSignature(this.options.authToken, url, params);
  }

  private baseParams(call: SimCall): Record<string, string> {
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

  /** A signed request to the app, as Twilio makes it: form-encoded POST, or GET with the query. */
  private async request(url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<Response> {
    const target = method === "GET" ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params)}` : url;
    const signature = await this.sign(target, method === "GET" ? {} : params);
    const response = await this.http(target, {
      method,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "i-twilio-idempotency-token": randomBytes(8).toString("hex") },
      body: method === "POST" ? new URLSearchParams(params).toString() : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    return response;
  }

  private async status(call: SimCall, status: ProviderCallState["status"], extra: Record<string, string> = {}) {
    call.status = status;
    const event = status === "in-progress" ? "answered" : status;
    const terminal = !["queued", "initiated", "ringing", "in-progress"].includes(status);
    if (!terminal && !call.params.statusCallbackEvents.includes(event as never)) return;
    const params = { ...this.baseParams(call), SequenceNumber: String(call.sequence++), Timestamp: new Date().toUTCString(), CallbackSource: "call-progress-events", ...extra };
    // A status callback that fails is not retried (Twilio does not retry them either).
    await this.request(call.params.statusCallback, params).catch(() => undefined);
  }

  private async twiml(call: SimCall, url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<{ url: string; verbs: Verb[] }> {
    let response: Response;
    try {
      response = await this.request(url, { ...this.baseParams(call), ...params }, method);
    } catch (error) {
      throw new HttpFailure(11205, `HTTP connection failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new HttpFailure(11200, `HTTP retrieval failure: ${response.status} from ${url}`);
    return { url, verbs: parseTwiml(await response.text()) };
  }

  private async run(call: SimCall): Promise<void> {
    if (call.params.to.startsWith("client:")) return this.guarded(call, () => this.runBrowser(call));
    const override = this.options.personaOverride ? await this.options.personaOverride(call.params.to).catch(() => null) : null;
    const persona = personaFor(call.params.to, override);
    return this.guarded(call, async () => {
      await this.status(call, "initiated");
      await this.wait(call, 0.5);
      if (persona.pickup === "carrier_failed") return await this.status(call, "failed", { ErrorCode: "32009", ErrorMessage: "The carrier could not complete the call" });
      if (persona.pickup === "busy") {
        await this.wait(call, 1.5);
        return await this.status(call, "busy");
      }
      await this.status(call, "ringing");
      if (persona.pickup === "no_answer" || persona.ringSeconds >= call.params.timeout) {
        await this.wait(call, call.params.timeout);
        return await this.status(call, "no-answer");
      }
      await this.wait(call, persona.ringSeconds);
      await this.answerAndTalk(call, persona);
    });
  }

  /** A call to a browser tab: it rings there (none registered: no answer), is answered at once, and the person talks by typing. */
  private async runBrowser(call: SimCall): Promise<void> {
    const leg = this.clients.get(call.params.to.slice("client:".length)) ?? null;
    await this.status(call, "initiated");
    await this.status(call, "ringing");
    if (!leg || leg.ended) {
      await this.wait(call, call.params.timeout);
      return await this.status(call, "no-answer");
    }
    call.leg = leg;
    leg.callSid = call.sid;
    // The person hanging up ends the call at once, as putting down a phone does (not at the next listen).
    leg.onHangup = () => call.ended.abort(new Error("hung up in the browser"));
    leg.emit({ type: "ringing" });
    await this.wait(call, 1);
    await this.answerAndTalk(call, null);
  }

  /** Answered: the time limit starts, AMD runs, the conversation plays out, and the call completes. A null persona is the tab on the line. */
  private async answerAndTalk(call: SimCall, persona: Persona | null) {
    call.answeredAt = Date.now();
    await this.status(call, "in-progress");
    call.leg?.emit({ type: "answered" });
    const limit = setTimeout(() => call.ended.abort(new Error("time limit")), (call.params.timeLimit * 1000) / this.options.speed);
    try {
      if (call.params.machineDetection && call.params.amdStatusCallback) void this.detectMachine(call, persona?.pickup !== "machine");
      await this.converse(call, persona, seededRandom(Number.parseInt(call.sid.slice(2, 10), 16)));
    } finally {
      clearTimeout(limit);
    }
    await this.complete(call);
  }

  /** Runs a call to its end whatever happens: a hang-up from the app, an application error, and always its wrap-up. */
  private async guarded(call: SimCall, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      // Hung up by the app: before the answer Twilio calls that canceled.
      if (call.ended.signal.aborted) return call.answeredAt ? await this.complete(call) : await this.status(call, "canceled");
      await this.failAnswered(call, error);
    } finally {
      await this.finish(call);
    }
  }

  private async failAnswered(call: SimCall, error: unknown) {
    const failure = error instanceof TwimlError || error instanceof HttpFailure ? error : new HttpFailure(11200, String(error));
    // As Twilio: an application error ends an answered call, and its callback says why.
    await this.status(call, call.answeredAt ? "completed" : "failed", {
      ErrorCode: String(failure.code),
      ErrorMessage: failure.message,
      ...(call.answeredAt ? { CallDuration: String(Math.round(this.elapsed(call))) } : {}),
    });
    call.durationSeconds = call.answeredAt ? Math.round(this.elapsed(call)) : 0;
  }

  /** Over: stop what still waits on the call (the AMD timer), deliver its recording, and forget it after a while. */
  private async finish(call: SimCall) {
    if (!call.ended.signal.aborted) call.ended.abort(new Error("call over"));
    call.leg?.emit({ type: "ended", reason: call.status });
    for (const leg of this.clients.values()) if (leg.callSid === call.sid && !leg.ended) leg.emit({ type: "ended", reason: call.status });
    if (call.answeredAt !== null && call.params.record && call.params.recordingStatusCallback) await this.deliverRecording(call).catch(() => undefined);
    for (const segment of call.segments) delete segment.audio;
    // Its final state stays answerable (fetchCall) past the reconciler's look at it: the time limit plus a margin.
    setTimeout(() => {
      this.calls.delete(call.sid);
      for (const [identity, leg] of this.clients) if (leg.ended && leg.callSid === call.sid) this.clients.delete(identity);
    }, Math.max(10 * 60, call.params.timeLimit + 15 * 60) * 1000).unref();
  }

  /** The two-channel recording (app's side left, callee's right), then its callback, as Twilio sends it after the call. */
  private async deliverRecording(call: SimCall) {
    if (!this.options.publishRecording) return;
    const duration = call.durationSeconds ?? Math.round(this.elapsed(call));
    const tracks: RecordingTrack[] = [];
    for (const segment of call.segments) {
      const audio = segment.audio ?? (await this.options.calleeVoice?.(segment.text).catch(() => null)) ?? null;
      // The agent's audio is cut where it was cut on the call; a voice speaking the callee's words gets a little slack.
      if (audio) tracks.push({ channel: segment.speaker === "agent" ? 0 : 1, start: segment.start, audio, maxSeconds: segment.end - segment.start + (segment.audio ? 0 : 0.5) });
    }
    const wav = await mixRecording(tracks, Math.max(1, duration));
    const recordingSid = `RE${createHash("sha256").update(call.sid).digest("hex").slice(0, 32)}`;
    const url = await this.options.publishRecording(recordingSid, wav);
    call.recording = { sid: recordingSid, url, durationSeconds: duration };
    await this.request(call.params.recordingStatusCallback!, {
      AccountSid: ACCOUNT_SID,
      CallSid: call.sid,
      RecordingSid: recordingSid,
      RecordingUrl: url,
      RecordingStatus: "completed",
      RecordingDuration: String(duration),
      RecordingChannels: "2",
      RecordingSource: "OutboundAPI",
      RecordingStartTime: new Date(call.answeredAt!).toUTCString(),
    });
  }

  private async complete(call: SimCall) {
    call.durationSeconds = Math.round(this.elapsed(call));
    await this.status(call, "completed", { CallDuration: String(call.durationSeconds) });
  }

  /** DetectMessageEnd: a person is known in a few seconds; a machine after its greeting and the beep. */
  private async detectMachine(call: SimCall, human: boolean) {
    try {
      await this.wait(call, human ? 2.5 : 9, false);
      await this.request(call.params.amdStatusCallback!, {
        ...this.baseParams(call),
        AnsweredBy: human ? "human" : "machine_end_beep",
        MachineDetectionDuration: String(human ? 2500 : 9000),
      });
    } catch {
      // The call ended (or was redirected) before detection finished: nothing to report.
    }
  }

  /** Plays documents until one ends the call. */
  private async converse(call: SimCall, persona: Persona | null, random: () => number) {
    let document: { url: string; verbs: Verb[] } | null = await this.twiml(call, call.params.url, {});
    let turn = 0;
    let lastLine = "";
    while (document) {
      let next: { url: string; verbs: Verb[] } | null = null;
      try {
        for (const verb of document.verbs) {
          if (verb.verb === "Say" || verb.verb === "Play" || verb.verb === "Pause") {
            lastLine = (await this.speak(call, verb)) ?? lastLine;
            continue;
          }
          if (verb.verb === "Hangup") return;
          if (verb.verb === "Reject") return;
          if (verb.verb === "Redirect") {
            next = await this.twiml(call, new URL(verb.url, document.url).toString(), {}, verb.method);
            break;
          }
          if (verb.verb === "Gather") {
            for (const child of verb.children) lastLine = (await this.speak(call, child)) ?? lastLine;
            const action = new URL(verb.action ?? document.url, document.url).toString();
            if (call.leg) {
              // The person in the tab: what they type is what they said; nothing in time is silence.
              call.leg.emit({ type: "listen", timeout: verb.timeout });
              const input = await call.leg.next(Math.max(BROWSER_LISTEN_MS, (verb.timeout * 1000) / this.options.speed), AbortSignal.any([call.ended.signal, call.interrupt.signal]));
              if (call.ended.signal.aborted) throw call.ended.signal.reason;
              // A redirect from the app (a transfer) takes over while the person was still typing.
              if (call.interrupt.signal.aborted) throw new Interrupted();
              if (input && "hangup" in input) return;
              if (input) {
                const at = this.elapsed(call);
                call.segments.push({ speaker: "lead", text: input.text, start: Math.max(0, at - input.text.split(/\s+/).length / 2.6), end: at });
                next = await this.twiml(call, action, { SpeechResult: input.text, Confidence: "0.95" }, verb.method);
                break;
              }
              next = verb.actionOnEmptyResult ? await this.twiml(call, action, {}, verb.method) : null;
              if (next) break;
              continue;
            }
            const reply = persona?.pickup === "human" ? calleeReply(persona.name, lastLine, turn++, random) : { text: null, speakingSeconds: 0, hangUpAfter: false };
            if (reply.text) {
              const start = this.elapsed(call);
              await this.wait(call, reply.speakingSeconds);
              call.segments.push({ speaker: "lead", text: reply.text, start, end: this.elapsed(call) });
              if (reply.hangUpAfter) return;
              // speechTimeout "auto": about a second of quiet tells the recogniser the caller is done.
              await this.wait(call, verb.speechTimeout === "auto" ? 1 : verb.speechTimeout);
              next = await this.twiml(call, action, { SpeechResult: reply.text, Confidence: (0.82 + random() * 0.15).toFixed(2) }, verb.method);
              break;
            }
            await this.wait(call, verb.timeout);
            if (verb.actionOnEmptyResult) {
              next = await this.twiml(call, action, {}, verb.method);
              break;
            }
            continue;
          }
          if (verb.verb === "Dial") {
            next = await this.dial(call, verb, document.url, persona, random);
            if (!next) return;
            break;
          }
        }
      } catch (error) {
        if (!(error instanceof Interrupted)) throw error;
        // The app redirected the call: its new TwiML takes over from here.
        call.interrupt = new AbortController();
        const url = call.redirectTo!;
        call.redirectTo = null;
        next = await this.twiml(call, url, {});
      }
      document = next;
    }
  }

  /**
   * The whisper's TwiML, requested as Twilio does: on the dialed (child) leg, so CallSid is the child's
   * own and the call it belongs to is ParentCallSid.
   */
  private whisperTwiml(call: SimCall, url: string, to: string) {
    const child = `CA${createHash("sha256").update(`${call.sid}:${to}:${call.sequence}`).digest("hex").slice(0, 32)}`;
    return this.twiml(call, url, { CallSid: child, ParentCallSid: call.sid, To: to, Direction: "outbound-dial", CallStatus: "in-progress" });
  }

  /** Plays one verb to the callee; returns the words said, when known. */
  private async speak(call: SimCall, verb: SpokenVerb, listener: { leg: BrowserLeg | null; speaker: "agent" | "whisper" } = { leg: call.leg, speaker: "agent" }): Promise<string | null> {
    if (verb.verb === "Pause") {
      await this.wait(call, verb.seconds);
      return null;
    }
    const start = this.elapsed(call);
    let text: string | null;
    let seconds: number;
    let audio: Uint8Array | undefined;
    if (verb.verb === "Say") {
      text = verb.text;
      seconds = verb.text.split(/\s+/).length / 2.6;
    } else {
      const response = await this.http(verb.url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
      if (!response?.ok) throw new HttpFailure(11200, `HTTP retrieval failure: the audio at ${verb.url}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const wav = parseWav(bytes);
      const measured = wav ? pcmDuration(wav) : mp3Duration(bytes);
      if (measured === null) throw new HttpFailure(13227, `Unsupported audio at ${verb.url}`);
      seconds = measured;
      audio = bytes;
      text = (await this.options.hear?.(verb.url).catch(() => null)) ?? null;
    }
    const loops = verb.loop === 0 ? 1 : verb.loop;
    listener.leg?.emit({ type: "play", url: verb.verb === "Play" ? verb.url : null, text, speaker: listener.speaker });
    try {
      await this.wait(call, seconds * loops);
    } finally {
      // Cut short (a hang-up, a redirect) or not, what was heard so far is on the call and in its recording.
      if (listener.speaker === "agent" && (text || audio)) call.segments.push({ speaker: "agent", text: text ?? "", start, end: this.elapsed(call), audio });
    }
    return text;
  }

  /**
   * A transfer to a person's tab (the live-calls view's "Take over"): it rings there and is picked up at
   * once; the whisper plays to the person only; then they talk with the callee — what they type is said
   * to the callee's persona, which answers — until either hangs up. Nobody registered: no answer.
   */
  private async dialClient(call: SimCall, verb: Extract<Verb, { verb: "Dial" }>, target: { value: string; url: string | null }, documentUrl: string, persona: Persona | null, random: () => number): Promise<{ url: string; verbs: Verb[] } | null> {
    const leg = this.clients.get(target.value);
    let status: "completed" | "no-answer" = "no-answer";
    const connectedAt = this.elapsed(call);
    if (!leg || leg.ended) await this.wait(call, verb.timeout);
    else {
      leg.callSid = call.sid;
      leg.emit({ type: "ringing" });
      await this.wait(call, 1);
      leg.emit({ type: "answered" });
      if (target.url) {
        const whisper = await this.whisperTwiml(call, new URL(target.url, documentUrl).toString(), target.value);
        for (const v of whisper.verbs) if (v.verb === "Say" || v.verb === "Play" || v.verb === "Pause") await this.speak(call, v, { leg, speaker: "whisper" });
      }
      leg.emit({ type: "connected", with: call.params.to });
      status = "completed";
      let turn = 0;
      for (;;) {
        const input = await leg.next(BROWSER_TALK_MS, call.ended.signal);
        if (call.ended.signal.aborted) throw call.ended.signal.reason;
        if (!input || "hangup" in input) break;
        const said = this.elapsed(call);
        call.segments.push({ speaker: "agent", text: input.text, start: Math.max(0, said - input.text.split(/\s+/).length / 2.6), end: said });
        if (persona?.pickup !== "human") continue;
        const reply = calleeReply(persona.name, input.text, turn++, random);
        if (!reply.text) continue;
        const start = this.elapsed(call);
        await this.wait(call, reply.speakingSeconds, false);
        call.segments.push({ speaker: "lead", text: reply.text, start, end: this.elapsed(call) });
        leg.emit({ type: "play", url: null, text: reply.text, speaker: "lead" });
        // The callee hanging up ends the whole call; the Dial's action is not requested then.
        if (reply.hangUpAfter) return null;
      }
    }
    if (!verb.action) return null;
    return this.twiml(call, new URL(verb.action, documentUrl).toString(), { DialCallStatus: status, DialCallDuration: String(Math.round(this.elapsed(call) - connectedAt)) }, verb.method);
  }

  /** A transfer: the other party answers (or not) as their number's persona; the Dial's outcome is posted to its action. */
  private async dial(call: SimCall, verb: Extract<Verb, { verb: "Dial" }>, documentUrl: string, persona: Persona | null, random: () => number): Promise<{ url: string; verbs: Verb[] } | null> {
    const target = verb.targets[0]!;
    if (target.kind === "client") return this.dialClient(call, verb, target, documentUrl, persona, random);
    const other = target.kind === "number" ? personaFor(target.value) : null;
    let status: "completed" | "busy" | "no-answer" | "failed" = "no-answer";
    let talked = 0;
    if (other?.pickup === "busy") status = "busy";
    else if (other?.pickup === "carrier_failed") status = "failed";
    else if (other?.pickup === "human" && other.ringSeconds < verb.timeout) {
      await this.wait(call, other.ringSeconds);
      // The whisper plays to the person answering before the two are connected.
      if (target.url) {
        const whisper = await this.whisperTwiml(call, new URL(target.url, documentUrl).toString(), target.value);
        // Only the person answering hears it: not the callee, not the call's recording.
        for (const v of whisper.verbs) if (v.verb === "Say" || v.verb === "Play" || v.verb === "Pause") await this.speak(call, v, { leg: null, speaker: "whisper" });
      }
      status = "completed";
      talked = 20;
      await this.wait(call, talked);
    } else await this.wait(call, verb.timeout);
    if (!verb.action) return null;
    return this.twiml(call, new URL(verb.action, documentUrl).toString(), { DialCallStatus: status, DialCallDuration: String(talked) }, verb.method);
  }
}
