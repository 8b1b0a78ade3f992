import "server-only";
// POST /api/calls/{id}/transfer: a warm transfer of an answered call, to a phone number or to a
// person of the organization (their browser tab: "Take over" in Live calls is a transfer to yourself).
// The provider is redirected to TwiML that dials them (./hook-url.ts "transfer"); the person hears a
// whisper summary (./whisper.ts) before being connected. The call counts as transferred only once they
// answer (their whisper is fetched, or the Dial reports them connected): a lead who hangs up while it
// rings, or a hang-up from the dashboard then, ends the call as that, not as a transfer. Not connected →
// the agent carries on.
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { normalizePhone } from "@/lib/phone/phone";
import { simulator, telephony } from "@/lib/telephony/telephony";
import { apiStatus } from "@/lib/calls/apply-status";
import type { TranscriptSegment } from "@/lib/calls/call-turn";
import { now } from "@/lib/calls/clock";
import { hookUrl } from "@/lib/calls/hook-url";
import { findActiveDncEntries } from "@/lib/dnc/active-dnc";
import type { TransferCallInput } from "@/lib/calls/schemas";
import { whisperSummary } from "@/lib/calls/whisper";

export type TransferState = { to: string; whisper: string | null; requested_by: string; at: string; status?: "ringing" | "connected" | "failed" };

export async function transferCall(ctx: AuthContext, callId: string, input: TransferCallInput) {
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id } });
  if (!call) throw new ApiError("RESOURCE_001", "Call not found");
  const status = apiStatus(call.status);
  if (status !== "in_progress" || !call.twilioCallSid) throw new ApiError("RESOURCE_003", `Only a call in progress can be transferred (this one is ${status})`, { status });

  let target: string;
  const user = await prisma.user.findFirst({ where: { id: input.to, organizationId: ctx.organization.id, status: "active" }, select: { id: true, name: true } });
  if (user) {
    const sim = simulator();
    if (!sim) throw new ApiError("RESOURCE_003", "A transfer to a person's browser needs the built-in carrier simulator; with Twilio, transfer to their phone number", { reason: "browser_calls_need_simulator" });
    if (user.id !== ctx.user.id) {
      // A colleague's tab would have to be waiting for calls; the live view has no "available" switch yet.
      throw new ApiError("RESOURCE_003", `${user.name} is not waiting for calls in a browser tab; transfer to their phone number, or they can take the call over themselves in Live calls`, { reason: "person_unavailable" });
    }
    // Taking the call over: a leg of its own for this call, so nothing of an earlier take-over carries over.
    const identity = `agent_${user.id}_${randomBytes(4).toString("hex")}`;
    sim.registerClient(identity, user.id).callSid = call.twilioCallSid;
    target = `client:${identity}`;
  } else {
    const phone = normalizePhone(input.to, ctx.organization.defaultCountry);
    if (!phone) throw new ApiError("VALIDATION_002", "to: Not a user of your organization or a valid phone number", { fields: [{ field: "to", code: "VALIDATION_002", message: "Not a user of your organization or a valid phone number" }] });
    // A transfer places a call leg to that number: the organization's do-not-call list applies to it too.
    if ((await findActiveDncEntries(prisma, ctx.organization.id, [phone])).length) throw new ApiError("RESOURCE_003", "The number is on your do-not-call list", { reason: "do_not_call" });
    target = phone;
  }

  const [lead, campaign] = await Promise.all([
    call.leadId ? prisma.lead.findFirst({ where: { id: call.leadId, organizationId: ctx.organization.id }, select: { firstName: true, lastName: true } }) : null,
    call.campaignId ? prisma.campaign.findFirst({ where: { id: call.campaignId, organizationId: ctx.organization.id }, select: { name: true } }) : null,
  ]);
  const whisper = whisperSummary({
    leadName: lead ? [lead.firstName, lead.lastName].filter(Boolean).join(" ") : null,
    phone: call.phone,
    campaignName: campaign?.name ?? null,
    disposition: call.disposition,
    transcript: (call.transcript as TranscriptSegment[]) ?? [],
  });
  const transfer: TransferState = { to: target, whisper, requested_by: ctx.user.id, at: now().toISOString(), status: "ringing" };
  await prisma.$transaction(async (tx) => {
    // Checked again under the call's lock: a call that ended, or another transfer, since the read above wins.
    await tx.$queryRaw`SELECT id FROM calls WHERE id = ${call.id} FOR UPDATE`;
    const locked = await tx.call.findUniqueOrThrow({ where: { id: call.id }, select: { endedAt: true, status: true, transfer: true } });
    if (locked.endedAt || apiStatus(locked.status) !== "in_progress") throw new ApiError("RESOURCE_003", "The call has ended", { status: apiStatus(locked.status) });
    const current = locked.transfer as TransferState | null;
    if (current?.status === "ringing" || current?.status === "connected") throw new ApiError("RESOURCE_003", "The call is already being transferred", { transfer: current });
    await tx.call.update({ where: { id: call.id }, data: { transfer } });
    await tx.callEvent.create({ data: { id: newId("callEvent"), callId: call.id, status: "in_progress", at: now(), detail: { transfer_to: target, requested_by: ctx.user.id } } });
    await recordAudit(tx, ctx, "call.transferred", { type: "call", id: call.id }, { to: target });
  });
  try {
    await telephony().redirect(call.twilioCallSid, hookUrl("transfer", call.id));
  } catch (error) {
    await prisma.call.update({ where: { id: call.id }, data: { transfer: { ...transfer, status: "failed" } } });
    throw new ApiError("SERVICE_001", `The telephony provider could not transfer the call: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { call_id: call.id, transfer: { to: target, status: "ringing" as const, whisper } };
}
