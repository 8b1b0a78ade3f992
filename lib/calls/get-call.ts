import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { serializeCall } from "@/lib/calls/serialize-call";

export async function getCall(ctx: AuthContext, callId: string) {
  const prisma = await db();
  const call = await prisma.call.findFirst({ where: { id: callId, organizationId: ctx.organization.id }, include: { timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
  if (!call) throw new ApiError("RESOURCE_001", "Call not found");
  return serializeCall(call, call.timeline);
}
