import "server-only";
// The audit log of mutations: who (a user, an API key and its owner, or the system: dialer, cron, a
// provider callback), what (action on a target), when, which org.
// Called by services inside the same transaction as the change, so the two cannot disagree.
import type { Actor, OrganizationRef } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(
  tx: Tx,
  ctx: { organization: Pick<OrganizationRef, "id">; actor: Actor; requestId: string },
  action: string,
  target: { type: string; id: string },
  metadata: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId("audit"),
      organizationId: ctx.organization.id,
      actorType: ctx.actor.kind,
      actorId: ctx.actor.id,
      actorUserId: ctx.actor.kind === "user" ? ctx.actor.id : ctx.actor.kind === "api_key" ? ctx.actor.userId : null,
      actorApiKeyId: ctx.actor.kind === "api_key" ? ctx.actor.id : null,
      action,
      targetType: target.type,
      targetId: target.id,
      metadata,
      requestId: ctx.requestId,
    },
  });
}
