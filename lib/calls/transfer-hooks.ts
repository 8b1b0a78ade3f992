import "server-only";
// The provider's side of a transfer (./transfer-call.ts, or the agent's own transfer step): the TwiML
// that dials the person, the whisper they hear first, and the Dial's outcome. Like every provider
// callback, each answers TwiML whatever happens.
import { organizationContext } from "@/lib/auth/authenticate";
import { systemContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { StoredDefinition } from "@/lib/agents/serialize-agent";
import { twimlFor } from "@/lib/telephony/twiml";
import { callTurn, HANG_UP, loadCall, speakLine } from "@/lib/calls/call-turn";
import { now } from "@/lib/calls/clock";
import { hookUrl } from "@/lib/calls/hook-url";
import type { TransferState } from "@/lib/calls/transfer-call";

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

async function safely(name: string, callId: string, requestId: string, run: () => Promise<string>, fallback: string): Promise<string> {
  try {
    return await run();
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: `${name}_failed`, call_id: callId, request_id: requestId, error: error instanceof Error ? error.message : String(error) }));
    return fallback;
  }
}

/** The redirect a transfer asked for: dial the person, whisper first, outcome to "dial". */
export function transferTwiml(callId: string, sid: string, requestId: string): Promise<string> {
  return safely("transfer_twiml", callId, requestId, async () => {
    const call = await loadCall(callId, sid);
    const transfer = call?.transfer as TransferState | null;
    if (!call?.conversation || call.endedAt || !transfer) return HANG_UP;
    const definition = call.conversation.definition as StoredDefinition;
    return twimlFor([{ type: "transfer", to: transfer.to, whisper: transfer.whisper ?? "" }], {
      audioFor: async () => "",
      gatherUrl: hookUrl("gather", call.id),
      language: definition.language,
      whisperUrl: () => hookUrl("whisper", call.id),
      transferActionUrl: hookUrl("dial", call.id),
      callerId: call.fromNumber ?? undefined,
    });
  }, HANG_UP);
}

/** Played to the person answering a transfer, in the agent's voice, before they are connected. */
export function whisperTwiml(callId: string, sid: string, requestId: string): Promise<string> {
  return safely("whisper", callId, requestId, async () => {
    const call = await loadCall(callId, sid);
    const transfer = call?.transfer as TransferState | null;
    if (!call?.conversation || call.endedAt || !transfer) return EMPTY;
    const prisma = await db();
    // The person answered: from here the call is theirs, and its end is a transfer's.
    await prisma.call.updateMany({ where: { id: call.id, endedAt: null }, data: { endedBy: "transfer", transfer: { ...transfer, status: "connected" } } });
    if (!transfer.whisper) return EMPTY;
    const definition = call.conversation.definition as StoredDefinition;
    const ctx = systemContext(organizationContext(call.organization), "twilio", requestId);
    const audio = await speakLine(ctx, definition.voice_id, transfer.whisper);
    await prisma.call.update({ where: { id: call.id }, data: { speechCharacters: { increment: audio.characters }, speechCost: { increment: audio.cost } } });
    const { default: twilio } = await import("twilio");
    const response = new twilio.twiml.VoiceResponse();
    response.play(audio.url);
    return response.toString();
  }, EMPTY);
}

/** The Dial's outcome: connected, the call is over when the Dial is; not connected, the agent carries on. */
export function dialOutcome(callId: string, sid: string, dialStatus: string, requestId: string): Promise<string> {
  return safely("dial_outcome", callId, requestId, async () => {
    const call = await loadCall(callId, sid);
    if (!call || call.endedAt) return HANG_UP;
    const transfer = call.transfer as TransferState | null;
    const connected = dialStatus === "completed" || dialStatus === "answered";
    const prisma = await db();
    await prisma.$transaction([
      prisma.call.update({
        where: { id: call.id },
        data: {
          transfer: transfer ? { ...transfer, status: connected ? "connected" : "failed" } : undefined,
          ...(connected ? { endedBy: "transfer", disposition: call.disposition ?? "transferred" } : { endedBy: call.endedBy === "transfer" ? null : call.endedBy }),
        },
      }),
      prisma.callEvent.create({ data: { id: newId("callEvent"), callId: call.id, status: "in_progress", at: now(), detail: { transfer_to: transfer?.to ?? null, dial_status: dialStatus } } }),
    ]);
    if (connected) return HANG_UP;
    return callTurn(call.id, sid, { kind: "event", event: "transfer_failed" }, requestId);
  }, HANG_UP);
}
