import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import { normalizePhone } from "@/lib/phone/phone";
import type { CreateDncInput } from "@/lib/dnc/schemas";
import { serializeDnc } from "@/lib/dnc/serialize-dnc";

export async function createDncEntry(ctx: AuthContext, input: CreateDncInput) {
  const phone = normalizePhone(input.phone_number, ctx.organization.defaultCountry);
  if (!phone) {
    throw new ApiError("VALIDATION_002", "phone_number: not a valid phone number", {
      fields: [{ field: "phone_number", code: "VALIDATION_002", message: "Not a valid phone number" }],
    });
  }
  const prisma = await db();
  const existing = await prisma.dncEntry.findUnique({
    where: { organizationId_phone: { organizationId: ctx.organization.id, phone: phone } },
  });
  const expired = existing?.expiresAt && existing.expiresAt <= new Date();
  if (existing && !expired) {
    throw new ApiError("RESOURCE_002", "This number is already on the do-not-call list", {
      dnc_id: existing.id,
      fields: [{ field: "phone_number", code: "RESOURCE_002", message: "Already listed" }],
    });
  }
  const entry = await prisma.$transaction(async (tx) => {
    // An expired entry is listed again rather than refused as a duplicate.
    if (existing) await tx.dncEntry.delete({ where: { id: existing.id } });
    const created = await tx.dncEntry.create({
      data: {
        id: newId("dnc"),
        organizationId: ctx.organization.id,
        phone: phone,
        source: input.source ?? (ctx.via === "session_cookie" ? "manual" : "api"),
        reason: input.reason ?? null,
        expiresAt: input.expires_at ? new Date(input.expires_at) : null,
        createdById: ctx.user.id,
      },
    });
    await recordAudit(tx, ctx, "dnc.added", { type: "dnc_entry", id: created.id }, { phone: created.phone });
    return created;
  });
  return serializeDnc(entry);
}
