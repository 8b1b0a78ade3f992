import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { serializeDnc } from "@/lib/dnc/serialize-dnc";

export async function deleteDncEntry(ctx: AuthContext, dncId: string) {
  const prisma = await db();
  const entry = await prisma.$transaction(async (tx) => {
    const found = await tx.dncEntry.findFirst({ where: { id: dncId, organizationId: ctx.organization.id } });
    if (!found) throw new ApiError("RESOURCE_001", "Do-not-call entry not found");
    await tx.dncEntry.delete({ where: { id: found.id } });
    await recordAudit(tx, ctx, "dnc.removed", { type: "dnc_entry", id: found.id }, { phone: found.phone });
    return found;
  });
  return serializeDnc(entry);
}
