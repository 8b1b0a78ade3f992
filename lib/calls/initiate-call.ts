import "server-only";
// POST /api/calls (and the dialer, later): one call to one number, with an agent. Refused before
// anything is dialed when the number is on the do-not-call list, when it is outside 08:00–21:00 in
// the called party's zone (with the next allowed time), or while another call to it is in flight.
// The call row, its agent conversation and the call.initiated event are written in one transaction;
// then the provider is asked to dial, and a provider that refuses fails the call (carrier_failed).
import { ApiError } from "@/lib/api/errors";
import { hookUrl } from "@/lib/calls/hook-url";
import type { ServiceContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordEvent } from "@/lib/events/record-event";
import { findActiveDncEntries } from "@/lib/dnc/active-dnc";
import { inferTimeZone, normalizePhone } from "@/lib/phone/phone";
import { INITIAL_STATE } from "@/lib/agents/engine/types";
import { storedDefinition } from "@/lib/agents/serialize-agent";
import type { SampleLead } from "@/lib/agents/schemas";
import { fromNumber, telephony } from "@/lib/telephony/telephony";
import { now } from "@/lib/calls/clock";
import { legalWindowCheck } from "@/lib/calls/legal-window";
import type { InitiateCallInput } from "@/lib/calls/schemas";

const fieldError = (code: "VALIDATION_002" | "VALIDATION_003", field: string, message: string) =>
  new ApiError(code, `${field}: ${message}`, { fields: [{ field, code, message }] });

/** Seconds to let a call ring before it counts as unanswered. */
export const RING_SECONDS = 30;

/**
 * `browser` places the call to a tab instead of a number (lib/calls/browser-call.ts): its person asked
 * to be called, in their own zone, so the number checks (do-not-call, calling window, in flight) do not
 * apply; they are the lead, by their name.
 */
export async function initiateCall(ctx: ServiceContext, input: InitiateCallInput, browser?: { identity: string; name: string }) {
  const organizationId = ctx.organization.id;
  const phone = browser ? `client:${browser.identity}` : normalizePhone(input.phone_number, ctx.organization.defaultCountry);
  if (!phone) throw fieldError("VALIDATION_002", "phone_number", "Not a valid phone number");
  const prisma = await db();

  const agent = await prisma.agent.findFirst({ where: { id: input.agent_id, organizationId } });
  if (!agent) throw fieldError("VALIDATION_003", "agent_id", "No such agent in your organization");
  const campaign = input.campaign_id ? await prisma.campaign.findFirst({ where: { id: input.campaign_id, organizationId } }) : null;
  if (input.campaign_id && !campaign) throw fieldError("VALIDATION_003", "campaign_id", "No such campaign in your organization");
  const lead = input.lead_id ? await prisma.lead.findFirst({ where: { id: input.lead_id, organizationId, ...(campaign ? { campaignId: campaign.id } : {}) } }) : null;
  if (input.lead_id && !lead) throw fieldError("VALIDATION_003", "lead_id", campaign ? "No such lead in this campaign" : "No such lead in your organization");
  if (lead && lead.phone !== phone) throw fieldError("VALIDATION_003", "phone_number", "Is not the lead's number");

  const zone = browser ? ctx.organization.timezone : (lead?.timezone ?? (await inferTimeZone(phone, ctx.organization.timezone)));
  if (!zone) throw new ApiError("RESOURCE_003", "The called party's time zone is unknown, so the legal calling window cannot be checked", { reason: "unknown_time_zone" });
  const at = now();
  const window = legalWindowCheck(at, zone);
  if (!browser && !window.allowed) {
    throw new ApiError("RESOURCE_003", `It is outside 08:00–21:00 for the called party (${zone}); the next allowed time is ${window.nextAllowedAt.toISOString()}`, {
      reason: "outside_calling_window",
      time_zone: zone,
      next_allowed_at: window.nextAllowedAt.toISOString(),
    });
  }

  const callId = newId("call");
  const definition = storedDefinition(agent);
  const sampleLead: SampleLead = browser
    ? { first_name: browser.name.split(/\s+/)[0], last_name: browser.name.split(/\s+/).slice(1).join(" ") || undefined, phone }
    : lead
    ? {
        first_name: lead.firstName ?? undefined,
        last_name: lead.lastName ?? undefined,
        company: lead.company ?? undefined,
        email: lead.email ?? undefined,
        phone,
        custom: Object.fromEntries(Object.entries((lead.customFields ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
      }
    : { phone };
  const timeLimit = Math.min(input.settings.max_duration, definition.max_duration_seconds);
  const call = await prisma.$transaction(async (tx) => {
    // One call in flight per number: calls to the same number queue on this lock, then see each other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${organizationId}:${phone}`}, 0))`;
    // Checked under the lock: an opt-out that lands a moment before cannot be dialled past.
    if (!browser && (await findActiveDncEntries(tx, organizationId, [phone])).length) {
      throw new ApiError("RESOURCE_003", "The number is on your do-not-call list", { reason: "do_not_call" });
    }
    // A call older than its ring time and time limit is lost, not in flight (the reconciler ends it).
    const stale = new Date(at.getTime() - (RING_SECONDS + timeLimit + 60) * 1000);
    const inFlight = await tx.call.findFirst({ where: { organizationId, phone, status: { in: ["initiated", "ringing", "in_progress"] }, startedAt: { gt: stale } }, select: { id: true } });
    if (inFlight) throw new ApiError("RESOURCE_003", "A call to this number is already in progress", { reason: "call_in_progress", call_id: inFlight.id });
    const conversation = await tx.agentConversation.create({
      data: {
        id: newId("conversation"),
        organizationId,
        agentId: agent.id,
        kind: "call",
        // The engine wraps up before the provider's time limit cuts the call: the call's limit is the agent's.
        definition: { ...definition, max_duration_seconds: timeLimit },
        lead: sampleLead,
        timezone: zone,
        recorded: input.settings.recording,
        state: INITIAL_STATE,
        createdById: "user" in ctx ? ctx.user.id : null,
      },
    });
    const row = await tx.call.create({
      data: {
        id: callId,
        organizationId,
        // A call to your own tab tries the campaign's agent out; it is not one of the campaign's calls.
        campaignId: browser ? null : (campaign?.id ?? null),
        leadId: lead?.id ?? null,
        agentId: agent.id,
        phone,
        fromNumber: fromNumber(),
        status: "initiated",
        provider: telephony().id,
        settings: { ...input.settings, max_duration: timeLimit },
        conversationId: conversation.id,
        startedAt: at,
      },
    });
    await tx.callEvent.create({ data: { id: newId("callEvent"), callId, status: "initiated", at, detail: { by: ctx.actor.kind } } });
    await recordEvent(tx, organizationId, "call.initiated", { call_id: callId, phone_number: phone, campaign_id: browser ? null : (campaign?.id ?? null), lead_id: lead?.id ?? null, agent_id: agent.id });
    return row;
  });

  const hook = (name: Parameters<typeof hookUrl>[0]) => hookUrl(name, callId);
  let sid: string;
  try {
    ({ sid } = await telephony().createCall({
      to: phone,
      from: call.fromNumber!,
      url: hook("voice"),
      statusCallback: hook("status"),
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      machineDetection: true,
      amdStatusCallback: hook("amd"),
      record: input.settings.recording,
      ...(input.settings.recording ? { recordingStatusCallback: hook("recording") } : {}),
      timeout: RING_SECONDS,
      timeLimit,
    }));
  } catch (error) {
    await prisma.$transaction(async (tx) => {
      await tx.call.update({ where: { id: callId }, data: { status: "failed", endedReason: "carrier_failed", endedAt: now(), durationSeconds: 0 } });
      await tx.callEvent.create({ data: { id: newId("callEvent"), callId, status: "failed", at: now(), detail: { error: error instanceof Error ? error.message : String(error) } } });
      await recordEvent(tx, organizationId, "call.failed", { call_id: callId, ended_reason: "carrier_failed" });
    });
    throw new ApiError("SERVICE_001", `The telephony provider could not place the call: ${error instanceof Error ? error.message : String(error)}`, { call_id: callId });
  }
  // The sid may already be known: the provider's first callback can arrive before this write.
  await prisma.call.updateMany({ where: { id: callId, twilioCallSid: null }, data: { twilioCallSid: sid } });
  return { call_id: callId, status: "initiated" as const, twilio_call_sid: sid, created_at: call.createdAt.toISOString() };
}
