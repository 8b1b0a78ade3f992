import "server-only";
// Expiring links to stored objects for callers without a bearer token (Twilio fetching generated
// audio, a browser's <audio> playing a recording). The signature is HMAC-SHA256 over the key, the
// expiry and the download name, with a key derived from AUTH_SECRET for this purpose only, so a
// leaked link grants one object until it expires and nothing else.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { publicUrlFor } from "@/lib/api/public-url";
import { authSecret } from "@/lib/auth/secret";
import { validateKey } from "@/lib/storage/provider";

export const OBJECTS_PATH = "/api/storage/objects";

let derived: { secret: string; key: Buffer } | undefined;
function signingKey(): Buffer {
  const secret = authSecret();
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, "vocelio", "storage-signed-url-v1", 32)) };
  }
  return derived.key;
}

function signature(key: string, expires: number, filename: string | undefined): string {
  return createHmac("sha256", signingKey())
    .update(`${key}\n${expires}\n${filename ?? ""}`)
    .digest("base64url");
}

const encodeKey = (key: string) => key.split("/").map(encodeURIComponent).join("/");

export function signedObjectUrl(key: string, options: { expiresInSeconds?: number; filename?: string; now?: Date } = {}): string {
  validateKey(key);
  const expires = Math.floor((options.now ?? new Date()).getTime() / 1000) + (options.expiresInSeconds ?? 86_400);
  const url = new URL(publicUrlFor(`${OBJECTS_PATH}/${encodeKey(key)}`));
  url.searchParams.set("expires", String(expires));
  if (options.filename) url.searchParams.set("filename", options.filename);
  url.searchParams.set("signature", signature(key, expires, options.filename));
  return url.toString();
}

/** True when the link was made here for this key and has not expired. */
export function verifyObjectSignature(key: string, query: { expires: number; filename?: string; signature: string }, now = new Date()): boolean {
  if (query.expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(key, query.expires, query.filename));
  const given = Buffer.from(query.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
