// The signing secret for access tokens and the dashboard cookie. AUTH_SECRET in any real deployment;
// for the embedded default (one process, one PGlite) a random one is generated once and kept beside it.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ApiError } from "@/lib/api/errors";
import { dataDir } from "@/lib/db/config";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new ApiError("SERVICE_003", "AUTH_SECRET must be at least 32 characters");
    return (cached = configured);
  }
  // With an external database there may be several instances; each would invent its own secret.
  if (process.env.VERCEL || process.env.DATABASE_URL?.trim()) {
    throw new ApiError("SERVICE_003", "AUTH_SECRET must be set when DATABASE_URL is set or when deployed");
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
    if (cached.length >= 32) return cached;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(dataDir(), { recursive: true });
  cached = randomBytes(32).toString("base64url");
  writeFileSync(file, cached, { mode: 0o600 });
  return cached;
}
