// The built-in carrier simulator: a TelephonyProvider that behaves like Twilio toward the app. It takes
// createCall, then talks to the app only over HTTP — status callbacks with SequenceNumber, the voice
// URL, Gather actions with SpeechResult, the AMD callback — each request form-encoded and signed with
// X-Twilio-Signature exactly as Twilio signs, and it plays the TwiML it gets back. The callee is a
// persona (./personas.ts) answering from a phrase bank (./callee.ts). Time runs at SIMULATOR_SPEED
// (1 = real time). A call to `client:<identity>` (or a <Dial><Client>) reaches a browser tab registered
// under that identity (./browser-leg.ts) instead of a persona. An answered call that asked for a
// recording gets a two-channel one (./recording.ts), announced on its recording callback as Twilio does.
import { createHash, randomBytes } from "node:crypto";
import { AppClient, type TwimlDocument } from "@/lib/telephony/simulator/app-client";
import { dial, type DialContext } from "@/lib/telephony/simulator/dial";
import { play, type Listener, type PlaybackContext } from "@/lib/telephony/simulator/playback";
import { ACCOUNT_SID, baseParams, elapsed, HttpFailure, Interrupted, wait, type Segment, type SimCall, type SimulatorOptions } from "@/lib/telephony/simulator/sim-call";
import type { CreateCallParams, ProviderCallState, ProviderRecording, RecordingFile, TelephonyProvider } from "@/lib/telephony/provider";
import { TwimlError, type SpokenVerb } from "@/lib/telephony/simulator/parse-twiml";
import { personaFor, type Persona } from "@/lib/telephony/simulator/personas";
import { calleeReply } from "@/lib/telephony/simulator/callee";
import { seededRandom } from "@/lib/seeded-random";
import { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";
import { recordCall } from "@/lib/telephony/simulator/recording";

export type { SimulatorOptions };

/** A typed reply takes longer than a spoken one: a tab gets at least this long before its silence counts. */
const BROWSER_LISTEN_MS = 30_000;

export class CarrierSimulator implements TelephonyProvider {
  readonly id = "simulator" as const;
  private readonly calls = new Map<string, SimCall>();
  private readonly clients = new Map<string, BrowserLeg>();
  private readonly http: typeof fetch;
  private readonly app: AppClient;

  constructor(private readonly options: SimulatorOptions) {
    this.http = options.fetch ?? fetch;
    this.app = new AppClient(options.authToken, this.http);
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

  private readonly playback: PlaybackContext = {
    http: (url, init) => this.http(url, init),
    hear: (url) => this.options.hear?.(url) ?? Promise.resolve(null),
    elapsed: (call) => this.elapsed(call),
    wait: (call, seconds) => this.wait(call, seconds),
  };

  /** What a Dial (./dial.ts) needs of the simulator. */
  private readonly dialing: DialContext = {
    elapsed: (call) => this.elapsed(call),
    wait: (call, seconds, interruptible) => this.wait(call, seconds, interruptible),
    twiml: (call, url, params, method) => this.twiml(call, url, params, method),
    speak: (call, verb, listener) => this.speak(call, verb, listener),
    client: (identity) => this.clients.get(identity) ?? null,
  };

  private elapsed(call: SimCall): number {
    return elapsed(call, this.options.speed);
  }

  private wait(call: SimCall, seconds: number, interruptible = true): Promise<void> {
    return wait(call, seconds, this.options.speed, interruptible);
  }

  private request(url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<Response> {
    return this.app.request(url, params, method);
  }

  private twiml(call: SimCall, url: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<TwimlDocument> {
    return this.app.twiml(call, url, params, method);
  }

  private async status(call: SimCall, status: ProviderCallState["status"], extra: Record<string, string> = {}) {
    call.status = status;
    const event = status === "in-progress" ? "answered" : status;
    const terminal = !["queued", "initiated", "ringing", "in-progress"].includes(status);
    if (!terminal && !call.params.statusCallbackEvents.includes(event as never)) return;
    const params = { ...baseParams(call), SequenceNumber: String(call.sequence++), Timestamp: new Date().toUTCString(), CallbackSource: "call-progress-events", ...extra };
    // A status callback that fails is not retried (Twilio does not retry them either).
    await this.request(call.params.statusCallback, params).catch(() => undefined);
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
    const wav = await recordCall(call.segments, duration, this.options.calleeVoice);
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
        ...baseParams(call),
        AnsweredBy: human ? "human" : "machine_end_beep",
        MachineDetectionDuration: String(human ? 2500 : 9000),
      });
    } catch {
      // The call ended (or was redirected) before detection finished: nothing to report.
    }
  }

  /** Plays documents until one ends the call. */
  private async converse(call: SimCall, persona: Persona | null, random: () => number) {
    let document: TwimlDocument | null = await this.twiml(call, call.params.url, {});
    let turn = 0;
    let lastLine = "";
    while (document) {
      let next: TwimlDocument | null = null;
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
            next = await dial(this.dialing, call, verb, document.url, persona, random);
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

  /** Plays one verb to the callee (./playback.ts); returns the words said, when known. */
  private speak(call: SimCall, verb: SpokenVerb, listener: Listener = { leg: call.leg, speaker: "agent" }): Promise<string | null> {
    return play(this.playback, call, verb, listener);
  }

}
