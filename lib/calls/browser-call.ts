import "server-only";
// "Call me in the browser": the agent calls the person's own tab through the carrier simulator, as
// Twilio would call a Voice SDK client — `to` is client:<identity>, registered here for this user.
// The tab then follows its leg (GET /api/calls/{id}/leg, events since the last one it saw) and
// speaks by sending text (POST, the Gather's speech result). The same leg carries a transfer to a
// person ("Take over"). With Twilio as the provider there is no browser client: refused, with why.
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { simulator } from "@/lib/telephony/telephony";
import type { BrowserLeg, LegEvent } from "@/lib/telephony/simulator/browser-leg";
import { initiateCall } from "@/lib/calls/initiate-call";
import type { BrowserCallInput, BrowserLegInput } from "@/lib/calls/schemas";

/** A long poll waits this long for the leg's next event before answering with none. */
export const LEG_WAIT_MS = 10_000;

function requireSimulator() {
  const sim = simulator();
  if (!sim) {
    throw new ApiError("RESOURCE_003", "Calls to a browser tab go through the built-in carrier simulator, and Twilio is configured here: call a phone number instead", {
      reason: "browser_calls_need_simulator",
    });
  }
  return sim;
}

export async function callMeInTheBrowser(ctx: AuthContext, input: BrowserCallInput) {
  const sim = requireSimulator();
  const identity = `browser_${ctx.user.id}_${randomBytes(4).toString("hex")}`;
  const leg = sim.registerClient(identity, ctx.user.id);
  try {
    const placed = await initiateCall(ctx, { agent_id: input.agent_id, campaign_id: input.campaign_id, phone_number: identity, settings: { recording: true, transcription: true, max_duration: 900 } }, { identity, name: ctx.user.name });
    leg.callSid = placed.twilio_call_sid;
    return { ...placed, leg: identity };
  } catch (error) {
    sim.forgetClient(identity);
    throw error;
  }
}

/** The caller's own leg on a call of their organization; not theirs (or no such call) is not found. */
async function legOf(ctx: AuthContext, callId: string): Promise<BrowserLeg> {
  const sim = requireSimulator();
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id }, select: { twilioCallSid: true } });
  const leg = call?.twilioCallSid ? sim.legFor(call.twilioCallSid, ctx.user.id) : null;
  if (!leg) throw new ApiError("RESOURCE_001", "You have no browser leg on this call");
  return leg;
}

/** Events after the `after`-th (0: from the start); waits up to LEG_WAIT_MS for one when there is none yet. */
export async function legEvents(ctx: AuthContext, callId: string, after: number, signal?: AbortSignal): Promise<{ events: LegEvent[]; next: number; ended: boolean }> {
  const leg = await legOf(ctx, callId);
  if (leg.events.length <= after && !leg.ended) {
    await new Promise<void>((resolve) => {
      const stop = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(stop, LEG_WAIT_MS);
      let unsubscribe = () => {};
      unsubscribe = leg.subscribe(() => {
        if (leg.events.length > after) queueMicrotask(stop);
      });
      signal?.addEventListener("abort", stop, { once: true });
    });
  }
  return { events: leg.events.slice(after), next: leg.events.length, ended: leg.ended };
}

export async function speakOnLeg(ctx: AuthContext, callId: string, input: BrowserLegInput) {
  const leg = await legOf(ctx, callId);
  if (!leg.send("text" in input ? { text: input.text } : { hangup: true })) throw new ApiError("RESOURCE_003", "The call has ended");
  return { accepted: true };
}
