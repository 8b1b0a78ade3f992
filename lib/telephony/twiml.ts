import "server-only";
// An engine turn's actions → the TwiML a provider (Twilio, or the carrier simulator) plays. Built with
// the twilio library's VoiceResponse, so the XML is what Twilio documents. The agent speaks generated
// audio (<Play>, the voice library's signed URLs) inside <Gather input="speech"> so the callee can
// interrupt; a Gather posts to `gatherUrl` even on silence (actionOnEmptyResult), which is how the
// engine hears silence. Actions without TwiML (schedule_callback, opt_out, record_answer) are the
// call service's to carry out, not the provider's.
import type { Action } from "@/lib/agents/vocabulary";

export type TwimlContext = {
  /** A playable, absolute URL for a line the agent says (generated once, cached by content). */
  audioFor: (text: string) => Promise<string>;
  /** Where the callee's speech (or silence) is posted. */
  gatherUrl: string;
  /** BCP 47 language for speech recognition, e.g. en-US. */
  language: string;
  /** A transfer: the TwiML URL that whispers to the person before they are connected, and where the Dial's outcome goes. */
  whisperUrl?: (whisper: string) => string;
  transferActionUrl?: string;
  callerId?: string;
};

/** The default silence timeout when a turn (defensively) ends without saying how to wait. */
const DEFAULT_LISTEN_SECONDS = 5;

export async function twimlFor(actions: Action[], ctx: TwimlContext): Promise<string> {
  const { default: twilio } = await import("twilio");
  const response = new twilio.twiml.VoiceResponse();
  const audio = await Promise.all(actions.flatMap((a) => (a.type === "say" ? [ctx.audioFor(a.text)] : [])));
  const finish = actions.find((a) => a.type === "end" || a.type === "transfer" || a.type === "listen");

  if (!finish || finish.type === "listen") {
    const gather = response.gather({
      input: ["speech"],
      action: ctx.gatherUrl,
      method: "POST",
      actionOnEmptyResult: true,
      speechTimeout: "auto",
      timeout: finish?.timeout ?? DEFAULT_LISTEN_SECONDS,
      language: ctx.language as never,
      ...(finish?.hints.length ? { hints: finish.hints.join(", ") } : {}),
    });
    for (const url of audio) gather.play(url);
    return response.toString();
  }

  for (const url of audio) response.play(url);
  if (finish.type === "end") {
    response.hangup();
    return response.toString();
  }
  // A transfer: to a phone number, or to a person's browser (client:<identity>, the live-calls view).
  if (finish.to === "agents") throw new Error('Resolve a transfer to "agents" to a person before building its TwiML');
  const dial = response.dial({ ...(ctx.transferActionUrl ? { action: ctx.transferActionUrl, method: "POST" } : {}), ...(ctx.callerId ? { callerId: ctx.callerId } : {}) });
  const whisper = ctx.whisperUrl && finish.whisper ? { url: ctx.whisperUrl(finish.whisper) } : {};
  if (finish.to.startsWith("client:")) dial.client(whisper, finish.to.slice("client:".length));
  else dial.number(whisper, finish.to);
  return response.toString();
}
