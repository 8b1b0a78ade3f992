import "server-only";
// Authenticated encryption for data the server must keep but never hold in the clear (e.g. stored
// idempotent responses that contain one-time secrets): AES-256-GCM, key derived from AUTH_SECRET.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const VERSION = "v1";

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "vocelio", purpose, 32));
}

export function seal(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Returns null when the value was sealed with another secret or has been tampered with. */
export function unseal(sealed: string, purpose: string): string | null {
  if (!sealed.startsWith(`${VERSION}:`)) return null;
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
