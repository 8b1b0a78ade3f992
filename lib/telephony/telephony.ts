import "server-only";
// The provider, chosen in one place: Twilio when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and
// TWILIO_FROM_NUMBER are set, else the built-in carrier simulator (SIMULATOR_SPEED, default 1 = real
// time), one per process (its calls live in memory: a restart loses them, and the reconciler ends
// them as carrier_lost).
import { db } from "@/lib/db/client";
import type { TelephonyProvider } from "@/lib/telephony/provider";
import { twilioAuthToken } from "@/lib/telephony/credentials";
import { CarrierSimulator } from "@/lib/telephony/simulator/simulator";
import { TwilioProvider, twilioConfig } from "@/lib/telephony/twilio-provider";
import { lineFor } from "@/lib/calls/spoken-lines";

/** The number calls come from: Twilio's, or the simulator's own. */
export const SIMULATOR_FROM_NUMBER = "+15005550006";

const cache = globalThis as unknown as { vocelioTelephony?: { key: string; provider: TelephonyProvider }; vocelioTelephonyOverride?: TelephonyProvider };

function simulatorSpeed(): number {
  const raw = Number(process.env.SIMULATOR_SPEED ?? 1);
  return Number.isFinite(raw) && raw > 0 ? raw : 1;
}

export function telephony(): TelephonyProvider {
  if (cache.vocelioTelephonyOverride) return cache.vocelioTelephonyOverride;
  const twilio = twilioConfig();
  const key = twilio ? `twilio:${twilio.accountSid}:${twilio.apiBaseUrl ?? ""}` : `simulator:${simulatorSpeed()}`;
  if (cache.vocelioTelephony?.key !== key) {
    const provider: TelephonyProvider = twilio
      ? new TwilioProvider(twilio)
      : new CarrierSimulator({
          authToken: twilioAuthToken(),
          speed: simulatorSpeed(),
          hear: async (url) => lineFor(url),
          personaOverride: async (to) => {
            const prisma = await db();
            // The lead of the call being placed to this number (not any organization's lead with it).
            const rows = await prisma.$queryRaw<{ persona: string | null }[]>`
              SELECT l.custom_fields->>'sim_persona' AS persona FROM calls c JOIN leads l ON l.id = c.lead_id
              WHERE c.phone = ${to} AND c.status IN ('initiated', 'ringing') ORDER BY c.started_at DESC LIMIT 1`;
            return rows[0]?.persona ?? null;
          },
        });
    cache.vocelioTelephony = { key, provider };
  }
  return cache.vocelioTelephony.provider;
}

export function fromNumber(): string {
  return twilioConfig()?.fromNumber ?? SIMULATOR_FROM_NUMBER;
}

/** For tests: a provider of their own (e.g. a simulator whose fetch reaches route handlers in-process). */
export function setTelephony(provider: TelephonyProvider | undefined): void {
  cache.vocelioTelephonyOverride = provider;
}
