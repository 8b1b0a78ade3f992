import "server-only";
// Idempotency-Key on POST, with Stripe's semantics: the same key and request replays the first
// response (status and body); the same key with another request is IDEMPOTENCY_001 (422); while the
// first request is still running, IDEMPOTENCY_002 (409). Keys are scoped per organization (public
// sign-in/sign-up POSTs per path) and kept 24 h. The request hash covers the caller's identity, so
// another user of the organization reusing a key gets 422, never someone else's response. Stored
// responses are encrypted (they can hold one-time secrets such as a new API key). Requests that fail
// validation never reach this step, and 5xx results are not kept, so a retry can succeed.
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { seal, unseal } from "@/lib/auth/seal";

const TTL_MS = 24 * 3600 * 1000;
// A request still "in flight" after this long died with its process; its key is free again.
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const SEAL_PURPOSE = "idempotent-response";

export type StoredResponse = { status: number; contentType: string; body: string };
const JSON_TYPE = "application/json; charset=utf-8";
export type IdempotencyScope = { scope: string; organizationId: string | null; principal: string };

export function validIdempotencyKey(key: string): string {
  if (!KEY_FORMAT.test(key)) {
    throw new ApiError("VALIDATION_002", "Idempotency-Key must be 1–255 printable ASCII characters", {
      fields: [{ field: "Idempotency-Key", code: "VALIDATION_002", message: "Invalid format" }],
    });
  }
  return key;
}

/** JSON with sorted keys, so the same parameters hash the same whatever their order or spacing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(method: string, path: string, principal: string, body: unknown): string {
  return createHash("sha256").update(`${method}\n${path}\n${principal}\n${canonical(body)}`).digest("hex");
}

/** A stored reply: `{content_type, body}` (any reply type); records written before replies other than
 *  JSON existed hold the JSON body itself. */
function storedReply(sealed: string): { contentType: string; body: string } {
  const parsed = JSON.parse(sealed) as { content_type?: unknown; body?: unknown };
  if (typeof parsed.content_type === "string" && typeof parsed.body === "string" && Object.keys(parsed).length === 2) {
    return { contentType: parsed.content_type, body: parsed.body };
  }
  return { contentType: JSON_TYPE, body: sealed };
}

/** Claims the key. Returns a stored response to replay, or a function that records the outcome. */
export async function claimIdempotencyKey(
  scope: IdempotencyScope,
  key: string,
  method: string,
  path: string,
  hash: string,
): Promise<{ replay: StoredResponse } | { finish: (status: number, contentType: string, body: string) => Promise<void> }> {
  const prisma = await db();
  const now = new Date();
  await prisma.idempotencyRecord.deleteMany({ where: { scope: scope.scope, key, expiresAt: { lt: now } } });
  const id = newId("idempotency");
  for (let attempt = 0; ; attempt++) {
    try {
      await prisma.idempotencyRecord.create({
        data: {
          id,
          scope: scope.scope,
          organizationId: scope.organizationId,
          key,
          method,
          path,
          requestHash: hash,
          expiresAt: new Date(now.getTime() + TTL_MS),
        },
      });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      const existing = await prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope: scope.scope, key } } });
      if (!existing) throw new ApiError("IDEMPOTENCY_002");
      if (existing.requestHash !== hash) throw new ApiError("IDEMPOTENCY_001");
      if (existing.state === "completed" && existing.responseStatus !== null && existing.responseBody !== null) {
        const sealed = unseal(existing.responseBody, SEAL_PURPOSE);
        // Sealed under a rotated AUTH_SECRET: the first response cannot be replayed, and must not be redone.
        if (sealed === null) throw new ApiError("IDEMPOTENCY_001", "The first response for this Idempotency-Key can no longer be replayed");
        return { replay: { status: existing.responseStatus, ...storedReply(sealed) } };
      }
      const abandoned = now.getTime() - existing.createdAt.getTime() > IN_FLIGHT_TIMEOUT_MS;
      if (!abandoned || attempt > 0) throw new ApiError("IDEMPOTENCY_002");
      // Conditional delete: of two retries racing for an abandoned key, only one takes it over.
      await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, state: "in_flight" } });
    }
  }
  return {
    finish: async (status, contentType, body) => {
      if (status >= 500) {
        await prisma.idempotencyRecord.delete({ where: { id } });
        return;
      }
      await prisma.idempotencyRecord.update({
        where: { id },
        data: { state: "completed", responseStatus: status, responseBody: seal(JSON.stringify({ content_type: contentType, body }), SEAL_PURPOSE) },
      });
    },
  };
}
