// Idempotency-Key on POST, with Stripe's semantics: the same key and body replays the first response
// (status and body); the same key with another body is IDEMPOTENCY_001 (422); while the first request
// is still running, IDEMPOTENCY_002 (409). Keys are per organization and kept 24 h. Requests that fail
// validation never reach this step, and 5xx results are not kept, so a retry can succeed.
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

const TTL_MS = 24 * 3600 * 1000;
// A request still "in flight" after this long died with its process; its key is free again.
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export type StoredResponse = { status: number; body: string };

export function validIdempotencyKey(key: string): string {
  if (!KEY_FORMAT.test(key)) {
    throw new ApiError("VALIDATION_002", "Idempotency-Key must be 1–255 printable ASCII characters", {
      fields: [{ field: "Idempotency-Key", code: "VALIDATION_002", message: "Invalid format" }],
    });
  }
  return key;
}

export function requestHash(method: string, path: string, rawBody: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${rawBody}`).digest("hex");
}

/** Claims the key. Returns a stored response to replay, or a function that records the outcome. */
export async function claimIdempotencyKey(
  organizationId: string,
  key: string,
  method: string,
  path: string,
  hash: string,
): Promise<{ replay: StoredResponse } | { finish: (status: number, body: string) => Promise<void> }> {
  const prisma = await db();
  const now = new Date();
  await prisma.idempotencyRecord.deleteMany({ where: { organizationId, key, expiresAt: { lt: now } } });
  const id = newId("idempotency");
  for (let attempt = 0; ; attempt++) {
    try {
      await prisma.idempotencyRecord.create({
        data: { id, organizationId, key, method, path, requestHash: hash, expiresAt: new Date(now.getTime() + TTL_MS) },
      });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      const existing = await prisma.idempotencyRecord.findUnique({ where: { organizationId_key: { organizationId, key } } });
      if (!existing) throw new ApiError("IDEMPOTENCY_002");
      if (existing.requestHash !== hash) throw new ApiError("IDEMPOTENCY_001");
      if (existing.state === "completed" && existing.responseStatus !== null && existing.responseBody !== null) {
        return { replay: { status: existing.responseStatus, body: existing.responseBody } };
      }
      const abandoned = now.getTime() - existing.createdAt.getTime() > IN_FLIGHT_TIMEOUT_MS;
      if (!abandoned || attempt > 0) throw new ApiError("IDEMPOTENCY_002");
      // Conditional delete: of two retries racing for an abandoned key, only one takes it over.
      await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, state: "in_flight" } });
    }
  }
  return {
    finish: async (status, body) => {
      if (status >= 500) {
        await prisma.idempotencyRecord.delete({ where: { id } });
        return;
      }
      await prisma.idempotencyRecord.update({
        where: { id },
        data: { state: "completed", responseStatus: status, responseBody: body },
      });
    },
  };
}
