import "server-only";
// PUT /api/calls/{id}: what a person records about a call (disposition, satisfaction, notes), and
// `status: completed` to end an active call. Any other status change is the provider's to report.
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateCallInput } from "@/lib/calls/schemas";
import { getCall } from "@/lib/calls/get-call";
import { hangUpCall } from "@/lib/calls/hang-up-call";
import { apiStatus } from "@/lib/calls/apply-status";
import { isTerminal } from "@/lib/calls/call-status";
import { enqueue } from "@/lib/jobs/enqueue";
import { kickWork } from "@/lib/jobs/kick-work";

export async function updateCall(ctx: AuthContext, callId: string, input: UpdateCallInput) {
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id } });
  if (!call) throw new ApiError("RESOURCE_001", "Call not found");
  // Checked before anything is written: a refused hang-up changes nothing.
  if (input.status === "completed" && isTerminal(apiStatus(call.status))) {
    throw new ApiError("RESOURCE_003", `The call has already ended (${apiStatus(call.status)})`, { status: apiStatus(call.status) });
  }
  const data: Prisma.CallUpdateInput = {};
  if (input.disposition !== undefined) {
    data.disposition = input.disposition;
    data.converted = input.disposition === "converted";
  }
  if (input.customer_satisfaction !== undefined) data.customerSatisfaction = input.customer_satisfaction;
  if (input.agent_notes !== undefined) data.agentNotes = input.agent_notes;
  if (Object.keys(data).length) {
    await prisma.$transaction(async (tx) => {
      await tx.call.update({ where: { id: call.id, organizationId: ctx.organization.id }, data });
      await recordAudit(tx, ctx, "call.updated", { type: "call", id: call.id }, { fields: Object.keys(input) });
      // The quality score reads the disposition: an ended call is scored again with the new one.
      if (input.disposition !== undefined && call.endedAt && call.answeredAt) {
        await enqueue(tx, { kind: "calls.analyze", organizationId: ctx.organization.id, singletonKey: `analysis:${call.id}`, payload: { call_id: call.id } });
      }
    });
    if (input.disposition !== undefined && call.endedAt && call.answeredAt) kickWork();
  }
  if (input.status === "completed") return hangUpCall(ctx, call.id);
  return getCall(ctx, call.id);
}
