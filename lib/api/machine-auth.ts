import "server-only";
// Callers that are machines, not people: a telephony provider's callbacks (X-Twilio-Signature, from
// Twilio or the built-in carrier simulator) and the scheduler that triggers due work (Vercel Cron's
// `Authorization: Bearer $CRON_SECRET`, or an Upstash QStash signature). Signatures are checked over
// the configured public URL, never the request's own host, which is wrong behind proxies.
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { readCappedBody } from "@/lib/api/body";
import { log } from "@/lib/api/log";
import { publicUrlFor } from "@/lib/api/public-url";
import { twilioAuthToken } from "@/lib/telephony/credentials";

export const MAX_FORM_BYTES = 64 * 1024;

function publicRequestUrl(request: Request): string {
  const url = new URL(request.url);
  return publicUrlFor(`${url.pathname}${url.search}`);
}

/**
 * Verifies X-Twilio-Signature and returns the callback's parameters (the form body of a POST; a GET
 * carries them in the query, which the signed URL covers). A bad or missing signature is 403.
 */
export async function verifyTwilioRequest(request: Request): Promise<Record<string, string>> {
  let params: Record<string, string> = {};
  if (request.method === "POST") {
    const contentType = request.headers.get("content-type") ?? "";
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      throw new ApiError("REQUEST_003", "Content-Type must be application/x-www-form-urlencoded", { content_type: contentType || null });
    }
    params = Object.fromEntries(new URLSearchParams(await readCappedBody(request, MAX_FORM_BYTES)));
  }
  const signature = request.headers.get("x-twilio-signature");
  const url = publicRequestUrl(request);
  // Loaded on first use: the twilio and QStash libraries weigh tens of MB, and every route imports this
  // module through the route wrapper while only provider and scheduler routes need them.
  const { default: twilio } = await import("twilio");
  if (!signature || !twilio.validateRequest(twilioAuthToken(), signature, url, params)) {
    log("warn", "twilio_signature_invalid", { url, has_signature: Boolean(signature), call_sid: params.CallSid ?? null });
    throw new ApiError("AUTH_003", "Invalid X-Twilio-Signature");
  }
  return params;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when this deployment shares its database with other instances (so an open endpoint is a risk). */
function externalDeployment(): boolean {
  return Boolean(process.env.DATABASE_URL?.trim() || process.env.VERCEL);
}

/**
 * Verifies a scheduler's call: `Authorization: Bearer $CRON_SECRET` (Vercel Cron) or an
 * `Upstash-Signature` (QStash) when its signing keys are set. With neither configured the embedded
 * default (one local process) lets it through; a deployment on an external database refuses it.
 */
export async function verifyCronRequest(request: Request): Promise<"cron_secret" | "qstash" | "open"> {
  const secret = process.env.CRON_SECRET?.trim();
  const current = process.env.QSTASH_CURRENT_SIGNING_KEY?.trim();
  const next = process.env.QSTASH_NEXT_SIGNING_KEY?.trim();
  if (!secret && !current) {
    if (externalDeployment()) {
      throw new ApiError("SERVICE_003", "Set CRON_SECRET (Vercel Cron) or QSTASH_CURRENT_SIGNING_KEY/QSTASH_NEXT_SIGNING_KEY to enable this endpoint");
    }
    return "open";
  }
  const signature = request.headers.get("upstash-signature");
  if (signature && current) {
    const body = await readCappedBody(request, MAX_FORM_BYTES);
    const { Receiver } = await import("@upstash/qstash");
    const receiver = new Receiver({ currentSigningKey: current, nextSigningKey: next || current });
    const valid = await receiver.verify({ signature, body, url: publicRequestUrl(request) }).catch(() => false);
    if (valid) return "qstash";
    log("warn", "qstash_signature_invalid", { url: publicRequestUrl(request) });
    throw new ApiError("AUTH_001", "Invalid Upstash-Signature");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "");
  if (secret && match?.[1] && sameSecret(match[1], secret)) return "cron_secret";
  log("warn", "cron_auth_invalid", { has_authorization: Boolean(match) });
  throw new ApiError("AUTH_001", "This endpoint needs 'Authorization: Bearer <CRON_SECRET>'");
}
