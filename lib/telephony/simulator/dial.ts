// <Dial> in the simulator: a transfer to a phone number (the other party answers, or not, as their
// number's persona) or to a person's browser tab (<Client>, "Take over"). Either way the whisper is
// fetched as Twilio fetches it — on the dialed leg — and heard by the person answering only; the Dial's
// outcome is posted to its action, which decides what the call does next.
import { createHash } from "node:crypto";
import type { SpokenVerb, Verb } from "@/lib/telephony/simulator/parse-twiml";
import { personaFor, type Persona } from "@/lib/telephony/simulator/personas";
import { calleeReply } from "@/lib/telephony/simulator/callee";
import type { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";
import type { TwimlDocument } from "@/lib/telephony/simulator/app-client";
import type { SimCall } from "@/lib/telephony/simulator/sim-call";

/** A person who took a call over may think a while; the simulator waits this long for each of their lines. */
const BROWSER_TALK_MS = 5 * 60_000;

type DialVerb = Extract<Verb, { verb: "Dial" }>;

export type DialContext = {
  elapsed: (call: SimCall) => number;
  wait: (call: SimCall, seconds: number, interruptible?: boolean) => Promise<void>;
  twiml: (call: SimCall, url: string, params: Record<string, string>, method?: "GET" | "POST") => Promise<TwimlDocument>;
  speak: (call: SimCall, verb: SpokenVerb, listener: { leg: BrowserLeg | null; speaker: "agent" | "whisper" }) => Promise<string | null>;
  client: (identity: string) => BrowserLeg | null;
};

/** Plays the whisper at `url` to whoever answered (a tab, or nobody the simulator can hear for a number). */
async function whisper(ctx: DialContext, call: SimCall, url: string, to: string, leg: BrowserLeg | null) {
  // Requested on the dialed (child) leg: CallSid is the child's own, the call it belongs to ParentCallSid.
  const child = `CA${createHash("sha256").update(`${call.sid}:${to}:${call.sequence}`).digest("hex").slice(0, 32)}`;
  const document = await ctx.twiml(call, url, { CallSid: child, ParentCallSid: call.sid, To: to, Direction: "outbound-dial", CallStatus: "in-progress" });
  // Only the person answering hears it: not the callee, not the call's recording.
  for (const v of document.verbs) if (v.verb === "Say" || v.verb === "Play" || v.verb === "Pause") await ctx.speak(call, v, { leg, speaker: "whisper" });
}

/** The Dial's outcome, or null when the call ends with it (no action, or the callee hung up). */
export async function dial(ctx: DialContext, call: SimCall, verb: DialVerb, documentUrl: string, persona: Persona | null, random: () => number): Promise<TwimlDocument | null> {
  const target = verb.targets[0]!;
  if (target.kind === "client") return dialClient(ctx, call, verb, target, documentUrl, persona, random);
  const other = personaFor(target.value);
  let status: "completed" | "busy" | "no-answer" | "failed" = "no-answer";
  let talked = 0;
  if (other.pickup === "busy") status = "busy";
  else if (other.pickup === "carrier_failed") status = "failed";
  else if (other.pickup === "human" && other.ringSeconds < verb.timeout) {
    await ctx.wait(call, other.ringSeconds);
    if (target.url) await whisper(ctx, call, new URL(target.url, documentUrl).toString(), target.value, null);
    status = "completed";
    talked = 20;
    await ctx.wait(call, talked);
  } else await ctx.wait(call, verb.timeout);
  if (!verb.action) return null;
  return ctx.twiml(call, new URL(verb.action, documentUrl).toString(), { DialCallStatus: status, DialCallDuration: String(talked) }, verb.method);
}

/**
 * A transfer to a person's tab (the live-calls view's "Take over"): it rings there and is picked up at
 * once; the whisper plays to the person only; then they talk with the callee — what they type is said
 * to the callee's persona, which answers — until either hangs up. Nobody registered: no answer.
 */
async function dialClient(ctx: DialContext, call: SimCall, verb: DialVerb, target: { value: string; url: string | null }, documentUrl: string, persona: Persona | null, random: () => number): Promise<TwimlDocument | null> {
  const leg = ctx.client(target.value);
  let status: "completed" | "no-answer" = "no-answer";
  const connectedAt = ctx.elapsed(call);
  if (!leg || leg.ended) await ctx.wait(call, verb.timeout);
  else {
    leg.callSid = call.sid;
    leg.emit({ type: "ringing" });
    await ctx.wait(call, 1);
    leg.emit({ type: "answered" });
    if (target.url) await whisper(ctx, call, new URL(target.url, documentUrl).toString(), target.value, leg);
    leg.emit({ type: "connected", with: call.params.to });
    status = "completed";
    let turn = 0;
    for (;;) {
      const input = await leg.next(BROWSER_TALK_MS, call.ended.signal);
      if (call.ended.signal.aborted) throw call.ended.signal.reason;
      if (!input || "hangup" in input) break;
      const said = ctx.elapsed(call);
      call.segments.push({ speaker: "agent", text: input.text, start: Math.max(0, said - input.text.split(/\s+/).length / 2.6), end: said });
      if (persona?.pickup !== "human") continue;
      const reply = calleeReply(persona.name, input.text, turn++, random);
      if (!reply.text) continue;
      const start = ctx.elapsed(call);
      await ctx.wait(call, reply.speakingSeconds, false);
      call.segments.push({ speaker: "lead", text: reply.text, start, end: ctx.elapsed(call) });
      leg.emit({ type: "play", url: null, text: reply.text, speaker: "lead" });
      // The callee hanging up ends the whole call; the Dial's action is not requested then.
      if (reply.hangUpAfter) return null;
    }
  }
  if (!verb.action) return null;
  return ctx.twiml(call, new URL(verb.action, documentUrl).toString(), { DialCallStatus: status, DialCallDuration: String(Math.round(ctx.elapsed(call) - connectedAt)) }, verb.method);
}
