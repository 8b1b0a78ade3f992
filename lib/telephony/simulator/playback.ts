// What the callee hears: one spoken verb played for its real length — <Play> fetches the audio and
// measures it (WAV or MP3; anything else fails the call with 13227, as Twilio would), <Say> lasts as long
// as its words at a speaking pace, <Pause> its seconds. What the agent said goes on the call (for the
// recording and the transcript), cut where a hang-up or a redirect cut it.
import type { SpokenVerb } from "@/lib/telephony/simulator/parse-twiml";
import type { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";
import { HttpFailure, type SimCall } from "@/lib/telephony/simulator/sim-call";
import { parseWav, pcmDuration } from "@/lib/voice/wav";
import { mp3Duration } from "@/lib/voice/mp3";

/** Who hears it: the callee's tab (if any) as the agent speaking, or the person answering a transfer (a whisper). */
export type Listener = { leg: BrowserLeg | null; speaker: "agent" | "whisper" };

export type PlaybackContext = {
  http: typeof fetch;
  /** The words in an audio file, when the app can tell. */
  hear: (url: string) => Promise<string | null>;
  elapsed: (call: SimCall) => number;
  wait: (call: SimCall, seconds: number) => Promise<void>;
};

/** Plays one verb; returns the words said, when known. */
export async function play(ctx: PlaybackContext, call: SimCall, verb: SpokenVerb, listener: Listener): Promise<string | null> {
  if (verb.verb === "Pause") {
    await ctx.wait(call, verb.seconds);
    return null;
  }
  const start = ctx.elapsed(call);
  let text: string | null;
  let seconds: number;
  let audio: Uint8Array | undefined;
  if (verb.verb === "Say") {
    text = verb.text;
    seconds = verb.text.split(/\s+/).length / 2.6;
  } else {
    const response = await ctx.http(verb.url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
    if (!response?.ok) throw new HttpFailure(11200, `HTTP retrieval failure: the audio at ${verb.url}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const wav = parseWav(bytes);
    const measured = wav ? pcmDuration(wav) : mp3Duration(bytes);
    if (measured === null) throw new HttpFailure(13227, `Unsupported audio at ${verb.url}`);
    seconds = measured;
    audio = bytes;
    text = await ctx.hear(verb.url).catch(() => null);
  }
  const loops = verb.loop === 0 ? 1 : verb.loop;
  listener.leg?.emit({ type: "play", url: verb.verb === "Play" ? verb.url : null, text, speaker: listener.speaker });
  try {
    await ctx.wait(call, seconds * loops);
  } finally {
    // Cut short (a hang-up, a redirect) or not, what was heard so far is on the call and in its recording.
    if (listener.speaker === "agent" && (text || audio)) call.segments.push({ speaker: "agent", text: text ?? "", start, end: ctx.elapsed(call), audio });
  }
  return text;
}
