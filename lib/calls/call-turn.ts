import "server-only";
// The agent on the phone: the provider's voice request (the call was answered) starts the agent's
// conversation, each Gather result is a caller turn (no SpeechResult: silence). The engine's actions
// become TwiML; what they mean for the call happens here, at once — an opt-out puts the number on the
// do-not-call list before the goodbye is even played; an end or a transfer is remembered so the
// provider's "completed" can say who ended the call; the transcript grows turn by turn.
import { hookUrl } from "@/lib/calls/hook-url";
import { organizationContext } from "@/lib/auth/authenticate";
import { systemContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { converse, ConversationEndedError } from "@/lib/agents/engine/converse";
import type { ConversationState, EngineInput } from "@/lib/agents/engine/types";
import { llmConfig } from "@/lib/agents/llm/config";
import type { SampleLead } from "@/lib/agents/schemas";
import type { StoredDefinition } from "@/lib/agents/serialize-agent";
import { runContext } from "@/lib/agents/start-conversation";
import { renderTemplate } from "@/lib/agents/templates";
import { templateValues } from "@/lib/agents/engine/turn-builder";
import { generateSpeech } from "@/lib/voice/generate-speech";
import { twimlFor } from "@/lib/telephony/twiml";
import { telephony } from "@/lib/telephony/telephony";
import type { ServiceContext } from "@/lib/auth/context";
import { now } from "@/lib/calls/clock";
import { rememberLine } from "@/lib/calls/spoken-lines";
import { addOptOut } from "@/lib/dnc/add-opt-out";
import { saveTurn } from "@/lib/agents/save-turn";
import type { Call } from "@/lib/generated/prisma/client";

export type TranscriptSegment = { speaker: "agent" | "lead"; text: string; start: number; end: number };

export const HANG_UP = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
const WORDS_PER_SECOND = 2.6;


export async function loadCall(callId: string, sid: string) {
  const prisma = await db();
  const call = await prisma.call.findUnique({ where: { id: callId }, include: { conversation: true, organization: true } });
  // A callback for another call's sid is not this call's (a forged or misrouted request): hang it up.
  if (!call || (call.twilioCallSid && call.twilioCallSid !== sid)) return null;
  if (!call.twilioCallSid) await prisma.call.updateMany({ where: { id: callId, twilioCallSid: null }, data: { twilioCallSid: sid } });
  return call;
}

/** Call time since the answer: wall-clock time at the provider's pace (the simulator may run faster than real time). */
function secondsSinceAnswer(call: Call, at: Date): number {
  const from = call.answeredAt ?? call.startedAt;
  return Math.max(0, ((at.getTime() - from.getTime()) / 1000) * telephony().timeScale);
}

/** What one generated line cost and how long it plays. */
type SpokenAudio = { url: string; seconds: number; characters: number; cost: number };

export async function speakLine(ctx: ServiceContext, voiceId: string, text: string): Promise<SpokenAudio> {
  const audio = await generateSpeech(ctx, { text, voice_id: voiceId });
  rememberLine(audio.audio_url, text);
  return { url: audio.audio_url, seconds: audio.duration, characters: audio.characters_used, cost: audio.cost };
}

export type CallInput = { kind: "start" } | { kind: "utterance"; text: string; confidence: number } | { kind: "silence" } | { kind: "event"; event: "transfer_failed" };

/** Wait for the caller again, saying nothing new (a repeated request, or a turn another request took). */
const RELISTEN = (callId: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech" action="${hookUrl("gather", callId).replace(/&/g, "&amp;")}" method="POST" actionOnEmptyResult="true" speechTimeout="auto" timeout="5"/></Response>`;
/** What the caller hears when the app cannot go on (speech or the model failed): an apology, not silence. */
const APOLOGY =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say>We are sorry, something went wrong on our side. We will call you back. Goodbye.</Say><Hangup/></Response>';

/** One turn of the agent on a call; returns the TwiML to play. Whatever fails, the provider gets TwiML. */
export async function callTurn(callId: string, sid: string, input: CallInput, requestId: string): Promise<string> {
  try {
    return await turn(callId, sid, input, requestId);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "call_turn_failed", call_id: callId, request_id: requestId, error: error instanceof Error ? error.message : String(error) }));
    return APOLOGY;
  }
}

async function turn(callId: string, sid: string, input: CallInput, requestId: string): Promise<string> {
  const call = await loadCall(callId, sid);
  const conversation = call?.conversation;
  if (!call || !conversation || call.endedAt) return HANG_UP;
  const state = conversation.state as ConversationState;
  const at = now();
  const engineInput: EngineInput =
    input.kind === "start"
      ? { kind: "start", at }
      : input.kind === "utterance"
        ? { kind: "utterance", text: input.text, confidence: input.confidence, at }
        : input.kind === "event"
          ? { kind: "event", event: input.event, at }
          : { kind: "silence", at };
  if (input.kind === "start" && state.startedAt) return RELISTEN(call.id);

  const definition = conversation.definition as StoredDefinition;
  const run = runContext(conversation.agentId, definition, conversation.lead as SampleLead, call.organization.name, conversation.timezone, conversation.recorded);
  let result;
  try {
    result = await converse(run, state, engineInput, llmConfig());
    // "Your organization's available agents": a person's browser leg comes with the live-calls view
    // (issue 10 continues); until then nobody can take the call, and the flow goes where it goes then.
    if (result.actions.some((a) => a.type === "transfer" && a.to === "agents")) {
      const said = result.actions.filter((a) => a.type === "say");
      const failed = await converse(run, result.state, { kind: "event", event: "transfer_failed", at }, llmConfig());
      result = { ...failed, actions: [...said, ...failed.actions], understanding: result.understanding };
    }
  } catch (error) {
    if (error instanceof ConversationEndedError) return HANG_UP;
    throw error;
  }

  const prisma = await db();
  const ctx = systemContext(organizationContext(call.organization), "twilio", requestId);
  const transfer = result.actions.find((a) => a.type === "transfer");
  // The audio first: if speech fails, the conversation has not moved past words nobody heard.
  const spoken = new Map<string, SpokenAudio>();
  const twiml = await twimlFor(result.actions, {
    audioFor: async (text) => {
      const audio = await speakLine(ctx, definition.voice_id, text);
      spoken.set(text, audio);
      return audio.url;
    },
    gatherUrl: hookUrl("gather", call.id),
    language: definition.language,
    callerId: call.fromNumber ?? undefined,
    whisperUrl: () => hookUrl("whisper", call.id),
    transferActionUrl: hookUrl("dial", call.id),
  });

  // Offsets in call time: the caller stopped talking about a second (speechTimeout "auto") before
  // the request, at their speaking pace; the agent's lines last as long as their audio plays.
  const offset = secondsSinceAnswer(call, at);
  const tenth = (x: number) => Math.round(x * 10) / 10;
  const segments = [...((call.transcript as TranscriptSegment[]) ?? [])];
  if (input.kind === "utterance") {
    const end = Math.max(0, offset - 1);
    segments.push({ speaker: "lead", text: input.text, start: tenth(Math.max(0, end - input.text.split(/\s+/).length / WORDS_PER_SECOND)), end: tenth(end) });
  }
  // The agent starts speaking when the provider gets this TwiML, after the audio was made.
  let cursor = Math.max(offset, secondsSinceAnswer(call, now()));
  for (const action of result.actions) {
    if (action.type !== "say") continue;
    const seconds = spoken.get(action.text)?.seconds ?? action.text.split(/\s+/).length / WORDS_PER_SECOND;
    segments.push({ speaker: "agent", text: action.text, start: tenth(cursor), end: tenth(cursor + seconds) });
    cursor += seconds;
  }
  const ends = result.actions.find((a) => a.type === "end" || a.type === "transfer");
  const optedOut = result.actions.some((a) => a.type === "opt_out");
  const speech = [...spoken.values()].reduce((sum, a) => ({ characters: sum.characters + a.characters, cost: sum.cost + a.cost }), { characters: 0, cost: 0 });

  const kept = await prisma.$transaction(async (tx) => {
    // Only on the state this turn read: two requests for one call (a repeated Gather, a redirect) cannot both build on it.
    if (!(await saveTurn(tx, conversation, result, at))) return false;
    await tx.call.update({
      where: { id: call.id },
      data: {
        transcript: segments,
        transcription: segments.map((s) => `${s.speaker === "agent" ? "Agent" : "Lead"}: ${s.text}`).join("\n"),
        ...(result.state.disposition ? { disposition: result.state.disposition } : {}),
        // A transfer counts once the person answers (transfer-hooks.ts), not when it is dialed.
        ...(ends?.type === "end" ? { endedBy: "agent" } : {}),
        ...(transfer?.type === "transfer" ? { transfer: { to: transfer.to, whisper: transfer.whisper || null, requested_by: "agent", at: at.toISOString(), status: "ringing" } } : {}),
        speechCharacters: { increment: speech.characters },
        speechCost: { increment: speech.cost },
      },
    });
    // A browser tab is the user themself, not a number: its "opt-out" is heard and ends the call, but lists nothing.
    if (optedOut && !call.phone.startsWith("client:")) {
      // The opt-out is the law: the number is on the list now, not when the call's paperwork is done.
      await addOptOut(tx, systemContext(organizationContext(call.organization), "twilio", requestId), call.phone, call.id);
      await tx.callEvent.create({ data: { id: newId("callEvent"), callId: call.id, status: "in_progress", at, detail: { opt_out: true } } });
    }
    return true;
  });
  return kept ? twiml : RELISTEN(call.id);
}

/** An answering machine picked up: leave the agent's voicemail message (or hang up) and end the call. */
export async function voicemailDrop(callId: string, sid: string, requestId: string): Promise<string> {
  try {
    return await dropVoicemail(callId, sid, requestId);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "voicemail_drop_failed", call_id: callId, request_id: requestId, error: error instanceof Error ? error.message : String(error) }));
    return HANG_UP;
  }
}

async function dropVoicemail(callId: string, sid: string, requestId: string): Promise<string> {
  const call = await loadCall(callId, sid);
  if (!call?.conversation || call.endedAt) return HANG_UP;
  const definition = call.conversation.definition as StoredDefinition;
  const prisma = await db();
  await prisma.call.update({ where: { id: call.id }, data: { endedBy: "voicemail_drop", disposition: "voicemail" } });
  const run = runContext(call.conversation.agentId, definition, call.conversation.lead as SampleLead, call.organization.name, call.conversation.timezone, call.conversation.recorded);
  const message = definition.voicemail_message ? renderTemplate(definition.voicemail_message, templateValues(run, call.conversation.state as ConversationState, now())) : null;
  const ctx = systemContext(organizationContext(call.organization), "twilio", requestId);
  return twimlFor(message ? [{ type: "say", text: message }, { type: "end", disposition: "voicemail" }] : [{ type: "end", disposition: "voicemail" }], {
    audioFor: async (text) => {
      const audio = await speakLine(ctx, definition.voice_id, text);
      await prisma.call.update({ where: { id: call.id }, data: { speechCharacters: { increment: audio.characters }, speechCost: { increment: audio.cost } } });
      return audio.url;
    },
    gatherUrl: hookUrl("gather", call.id),
    language: definition.language,
  });
}
