import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { serializeCall } from "@/lib/calls/serialize-call";
import { namesFor } from "@/lib/calls/list-calls";

export async function getCall(ctx: AuthContext, callId: string) {
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id }, include: { timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
  if (!call) throw new ApiError("RESOURCE_001", "Call not found");
  const names = await namesFor(ctx.organization.id, [call]);
  return serializeCall(call, call.timeline, {
    campaign_name: call.campaignId ? (names.campaigns.get(call.campaignId) ?? null) : null,
    lead_name: call.leadId ? (names.leads.get(call.leadId) ?? null) : null,
    agent_name: call.agentId ? (names.agents.get(call.agentId) ?? null) : null,
  });
}
