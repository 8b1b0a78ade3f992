import "server-only";
// Ending a call from the app (a person in the dashboard, an integrator): the provider hangs up, and its
// "completed" callback then ends the call as usual (ended by the agent's side).
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { telephony } from "@/lib/telephony/telephony";
import { apiStatus } from "@/lib/calls/apply-status";
import { isTerminal } from "@/lib/calls/call-status";
import { now } from "@/lib/calls/clock";
import { getCall } from "@/lib/calls/get-call";

export async function hangUpCall(ctx: AuthContext, callId: string) {
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id } });
  if (!call) throw new ApiError("RESOURCE_001", "Call not found");
  const status = apiStatus(call.status);
  if (isTerminal(status)) throw new ApiError("RESOURCE_003", `The call has already ended (${status})`, { status });
  if (!call.twilioCallSid) throw new ApiError("RESOURCE_003", "The call has not reached the provider yet; try again in a moment", { status });
  await prisma.$transaction(async (tx) => {
    await tx.call.update({ where: { id: call.id }, data: { endedBy: call.endedBy ?? "agent" } });
    await tx.callEvent.create({ data: { id: newId("callEvent"), callId: call.id, status, at: now(), detail: { hang_up_by: ctx.actor.kind === "user" ? ctx.user.id : ctx.actor.id } } });
    await recordAudit(tx, ctx, "call.hung_up", { type: "call", id: call.id }, {});
  });
  try {
    await telephony().hangup(call.twilioCallSid);
  } catch (error) {
    throw new ApiError("SERVICE_001", `The telephony provider could not hang up: ${error instanceof Error ? error.message : String(error)}`);
  }
  return getCall(ctx, call.id);
}
