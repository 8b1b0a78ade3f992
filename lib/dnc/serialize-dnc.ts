import type { z } from "zod";
import type { dncEntryResponse } from "@/lib/dnc/operations";
import type { DncEntry } from "@/lib/generated/prisma/client";

export function serializeDnc(entry: DncEntry): z.output<typeof dncEntryResponse> {
  return {
    dnc_id: entry.id,
    phone_number: entry.phone,
    source: entry.source,
    reason: entry.reason,
    expires_at: entry.expiresAt?.toISOString() ?? null,
    created_at: entry.createdAt.toISOString(),
  };
}
export type DncResponse = ReturnType<typeof serializeDnc>;
