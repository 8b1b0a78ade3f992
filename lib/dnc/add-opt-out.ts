import "server-only";
// A person asked not to be called again (on a call, to the agent): the number goes on the
// organization's list now, for good — an earlier entry that would expire is made permanent — and the
// audit says which call it came from. Idempotent, and safe against a manual add at the same moment.
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SystemContext } from "@/lib/auth/context";

export async function addOptOut(tx: Prisma.TransactionClient, ctx: SystemContext, phone: string, callId: string): Promise<void> {
  const reason = `Asked not to be called again during call ${callId}`;
  const entry = await tx.dncEntry.upsert({
    where: { organizationId_phone: { organizationId: ctx.organization.id, phone } },
    create: { id: newId("dnc"), organizationId: ctx.organization.id, phone, source: "opt_out", reason },
    update: { source: "opt_out", reason, expiresAt: null },
  });
  await recordAudit(tx, ctx, "dnc.opt_out", { type: "dnc", id: entry.id }, { call_id: callId });
}
