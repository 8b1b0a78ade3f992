import "server-only";
// A provider's status callback applied to its call: the state machine (./call-status.ts) decides,
// idempotently — a duplicate, a late or an out-of-order callback changes nothing — and the change is
// written in one transaction with its timeline entry and its outbox event (call.answered,
// call.completed, call.failed). A call that ends gets its cost, and its lead the outcome the dialer
// reads next (attempts, last outcome, status); an answered call with a transcript gets its
// transcription.complete event and its post-call analysis job (./analysis/).
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordEvent } from "@/lib/events/record-event";
import type { AgentConversation, Call, Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { applyProviderEvent, loseCall, type CallProgress, type CallState, type EndedReason, type ProviderStatus } from "@/lib/calls/call-status";
import { callCost } from "@/lib/calls/call-cost";
import { now } from "@/lib/calls/clock";

/** The database keeps busy, no-answer and canceled as statuses of their own; the API shows them failed. */
const DB_FAILED: Partial<Record<EndedReason, "busy" | "no_answer" | "canceled">> = { busy: "busy", no_answer: "no_answer", canceled: "canceled" };

export function apiStatus(status: Call["status"]): CallState {
  return status === "busy" || status === "no_answer" || status === "canceled" ? "failed" : status;
}

function progressOf(call: Call): CallProgress {
  return {
    status: apiStatus(call.status),
    endedReason: (call.endedReason as EndedReason | null) ?? null,
    sequence: call.providerSequence,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSeconds: call.durationSeconds,
  };
}

/** What a finished call means for its lead. */
function leadOutcome(disposition: string | null, endedReason: EndedReason | null): { status: Prisma.LeadUpdateInput["status"]; outcome: string } {
  const outcome = disposition ?? endedReason ?? "completed";
  switch (disposition) {
    case "converted":
      return { status: "converted", outcome };
    case "not_interested":
    case "wrong_number":
      return { status: "not_interested", outcome };
    case "callback":
      return { status: "callback", outcome };
    case "do_not_call":
      return { status: "do_not_call", outcome };
    default:
      return { status: "contacted", outcome };
  }
}

export type StatusCallback = { callStatus: ProviderStatus; sequence: number | null; durationSeconds: number | null; errorCode: string | null; errorMessage: string | null };

type Tx = Prisma.TransactionClient;
type LockedCall = Call & { conversation: AgentConversation | null };

/** Callbacks for one call are applied one at a time, in whatever order they arrive: the row is locked first. */
async function withLockedCall(callId: string, apply: (tx: Tx, call: LockedCall) => Promise<void>): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM calls WHERE id = ${callId} FOR UPDATE`;
    if (!locked) return;
    await apply(tx, await tx.call.findUniqueOrThrow({ where: { id: callId }, include: { conversation: true } }));
  });
}

export async function applyStatus(callId: string, sid: string, callback: StatusCallback): Promise<void> {
  await withLockedCall(callId, async (tx, call) => {
    if (call.twilioCallSid && call.twilioCallSid !== sid) return;
    const at = now();
    const settings = call.settings as { max_duration?: number };
    const next = applyProviderEvent(progressOf(call), {
      callStatus: callback.callStatus,
      sequence: callback.sequence ?? call.providerSequence + 1,
      at,
      durationSeconds: callback.durationSeconds ?? undefined,
      endedBy: (call.endedBy as "agent" | "transfer" | "voicemail_drop" | null) ?? null,
      timeLimitSeconds: settings.max_duration,
    });
    if (!next) return;
    await writeProgress(tx, call, next, at, {
      sid,
      providerStatus: callback.callStatus,
      sequence: callback.sequence,
      detail: callback.errorCode ? { error_code: callback.errorCode, error_message: callback.errorMessage } : {},
    });
  });
}

/** The reconciler's verdict on a call its provider went silent about: failed, carrier_lost. */
export async function markCallLost(callId: string, why: string): Promise<boolean> {
  let lost = false;
  await withLockedCall(callId, async (tx, call) => {
    const at = now();
    const transcript = (call.transcript as { end: number }[] | null) ?? [];
    const next = loseCall(progressOf(call), at, transcript.length ? Math.max(...transcript.map((s) => s.end)) : null, (call.settings as { max_duration?: number }).max_duration ?? null);
    if (!next) return;
    await writeProgress(tx, call, next, at, { sid: call.twilioCallSid, providerStatus: null, sequence: null, detail: { reconciled: why } });
    lost = true;
  });
  return lost;
}

/** A change decided by the state machine, written with its timeline entry, events, cost, lead outcome and follow-up jobs. */
async function writeProgress(
  tx: Tx,
  call: LockedCall,
  next: CallProgress,
  at: Date,
  meta: { sid: string | null; providerStatus: string | null; sequence: number | null; detail: Record<string, string | null> },
) {
  const settings = call.settings as { recording?: boolean; transcription?: boolean };
  const becameAnswered = next.status === "in_progress" && call.status !== "in_progress";
  const ended = next.endedAt !== null && call.endedAt === null;
  const data: Prisma.CallUpdateInput = {
    ...(meta.sid ? { twilioCallSid: meta.sid } : {}),
    providerSequence: next.sequence,
    status: next.status === "failed" ? (DB_FAILED[next.endedReason!] ?? "failed") : next.status,
    endedReason: next.endedReason,
    answeredAt: next.answeredAt,
    endedAt: next.endedAt,
    durationSeconds: next.durationSeconds,
  };
  const conversation = call.conversation;
  if (ended) {
    const cost = callCost({
      durationSeconds: next.durationSeconds ?? 0,
      // Detection runs (and is billed) once someone or something answers.
      amd: next.answeredAt !== null,
      recordedSeconds: settings.recording === false ? 0 : (next.durationSeconds ?? 0),
      speechCharacters: call.speechCharacters,
      speechCost: Number(call.speechCost),
      llmInputTokens: conversation?.llmInputTokens ?? 0,
      llmOutputTokens: conversation?.llmOutputTokens ?? 0,
      llmCost: Number(conversation?.llmCost ?? 0),
    });
    data.cost = cost.total;
    data.costBreakdown = cost;
    if (!call.disposition && next.endedReason === "no_answer") data.disposition = "no_response";
    if (!call.disposition && next.endedReason === "transferred") data.disposition = "transferred";
    data.converted = call.disposition === "converted";
  }
  await tx.call.update({ where: { id: call.id }, data });
  if (next.sequence !== call.providerSequence || next.status !== apiStatus(call.status)) {
    await tx.callEvent.create({
      data: {
        id: newId("callEvent"),
        callId: call.id,
        status: next.status,
        providerStatus: meta.providerStatus,
        sequence: meta.sequence,
        at,
        detail: { ...(next.endedReason ? { ended_reason: next.endedReason } : {}), ...meta.detail },
      },
    });
  }
  if (becameAnswered) await recordEvent(tx, call.organizationId, "call.answered", { call_id: call.id });
  if (!ended) return;
  const disposition = (data.disposition as string | undefined) ?? call.disposition;
  await recordEvent(tx, call.organizationId, next.status === "completed" ? "call.completed" : "call.failed", {
    call_id: call.id,
    status: next.status,
    ended_reason: next.endedReason,
    duration: next.durationSeconds,
    disposition,
  });
  const transcript = (call.transcript as unknown[] | null) ?? [];
  if (next.answeredAt && transcript.length) {
    if (settings.transcription !== false) await recordEvent(tx, call.organizationId, "transcription.complete", { call_id: call.id, segments: transcript.length });
    // The post-call analysis runs after the commit, as a job: the call is ended whether or not it succeeds.
    await enqueue(tx, { kind: "calls.analyze", organizationId: call.organizationId, singletonKey: `analysis:${call.id}`, payload: { call_id: call.id } });
  }
  if (call.leadId) {
    const { status, outcome } = leadOutcome(disposition, next.endedReason);
    // updateMany: a lead deleted with its campaign is simply not there to update (leads carry no foreign keys).
    await tx.lead.updateMany({
      where: { id: call.leadId },
      data: { attempts: { increment: 1 }, lastAttemptAt: call.startedAt, lastOutcome: outcome, ...(next.answeredAt ? { status } : {}) },
    });
  }
}
