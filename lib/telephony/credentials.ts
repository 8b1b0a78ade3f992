import "server-only";
// The auth token that signs provider callbacks (X-Twilio-Signature). With Twilio configured it is the
// account's TWILIO_AUTH_TOKEN; otherwise the built-in carrier simulator signs with a token derived from
// the app secret, so the same signature check runs on every callback either way.
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

export function twilioAuthToken(): string {
  const configured = process.env.TWILIO_AUTH_TOKEN?.trim();
  if (configured) return configured;
  return createHmac("sha256", authSecret()).update("vocelio:carrier-simulator:auth-token").digest("hex");
}
