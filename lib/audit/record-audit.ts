import "server-only";
// The audit log of mutations: who (user and/or API key), what (action on a target), when, which org.
// Called by services inside the same transaction as the change, so the two cannot disagree.
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(
  tx: Tx,
  ctx: Pick<AuthContext, "organization" | "user" | "apiKeyId" | "requestId">,
  action: string,
  target: { type: string; id: string },
  metadata: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId("audit"),
      organizationId: ctx.organization.id,
      actorUserId: ctx.user.id,
      actorApiKeyId: ctx.apiKeyId,
      action,
      targetType: target.type,
      targetId: target.id,
      metadata,
      requestId: ctx.requestId,
    },
  });
}
