// Public ids carry their type, like the spec's examples (`user_…`, `org_…`): a prefix plus 20
// characters of base62 from a CSPRNG (≈119 bits), stored as-is so logs and URLs match the API.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export const ID_PREFIXES = {
  organization: "org",
  user: "user",
  session: "ses",
  refreshToken: "rt",
  apiKey: "key",
  idempotency: "idem",
  audit: "audit",
  request: "req",
  campaign: "campaign",
  lead: "lead",
  leadImport: "import",
  dnc: "dnc",
  call: "call",
  event: "evt",
  job: "job",
  voice: "voice",
  audio: "audio",
  agent: "agent",
  conversation: "conv",
  callEvent: "cev",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${randomBase62(20)}`;
}

/** Many ids at once (bulk inserts): one draw from the CSPRNG instead of one per id. */
export function newIds(kind: IdKind, count: number): string[] {
  const chars = randomBase62(20 * count);
  return Array.from({ length: count }, (_, i) => `${ID_PREFIXES[kind]}_${chars.slice(i * 20, i * 20 + 20)}`);
}

/**
 * Ids for rows written by the million (leads): the same shape, but the first 8 characters are the
 * creation time in base62 (ms), then 12 random characters (≈71 bits). Ids made later sort later
 * byte-wise (and, under other collations, still cluster by creation time), so the primary-key index
 * takes inserts near its right edge instead of on random pages — a million-row import writes far
 * less to the index and the WAL. The creation time is visible in the
 * id, as it is in the row. Randomness is drawn from the CSPRNG in blocks.
 */
export function timeOrderedIds(kind: IdKind): () => string {
  const prefix = `${ID_PREFIXES[kind]}_`;
  let pool = "";
  let used = 0;
  let stampAt = -1;
  let stamp = "";
  return () => {
    const now = Date.now();
    if (now !== stampAt) {
      stampAt = now;
      stamp = "";
      for (let t = now, i = 0; i < 8; i++, t = Math.floor(t / 62)) stamp = ALPHABET[t % 62] + stamp;
    }
    if (used + 12 > pool.length) {
      pool = randomBase62(12 * 1024);
      used = 0;
    }
    used += 12;
    return prefix + stamp + pool.slice(used - 12, used);
  };
}
