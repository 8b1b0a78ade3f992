import "server-only";
// Opaque secrets (refresh tokens, API keys) are random, shown once, and stored only as SHA-256
// hashes: they carry ≥ 238 bits of entropy, so a fast hash is the right tool (no salt/stretching needed).
import { createHash } from "node:crypto";
import { randomBase62 } from "@/lib/ids";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export const API_KEY_PREFIX = "vk_";
export const REFRESH_TOKEN_PREFIX = "vrt_";

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBase62(40)}`;
}

export function newRefreshTokenSecret(): string {
  return `${REFRESH_TOKEN_PREFIX}${randomBase62(48)}`;
}
