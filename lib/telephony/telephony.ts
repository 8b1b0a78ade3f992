import "server-only";
// The provider, chosen in one place: Twilio when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and
// TWILIO_FROM_NUMBER are set, else the built-in carrier simulator (SIMULATOR_SPEED, default 1 = real
// time), one per process (its calls live in memory: a restart loses them, and the reconciler ends
// them as carrier_lost).
import { db } from "@/lib/db/client";
import type { TelephonyProvider } from "@/lib/telephony/provider";
import { twilioAuthToken } from "@/lib/telephony/credentials";
import { CarrierSimulator, type SimulatorOptions } from "@/lib/telephony/simulator/simulator";
import { TwilioProvider, twilioConfig } from "@/lib/telephony/twilio-provider";
import { lineFor } from "@/lib/calls/spoken-lines";
import { espeakInstalled, synthesizeWithEspeak } from "@/lib/voice/builtin/espeak";
import { objectStore } from "@/lib/storage/provider";
import { OBJECTS_PATH, signedObjectUrl } from "@/lib/storage/signed-url";

/** Where the simulator keeps a recording until the app has copied it (like Twilio keeps its own). */
const SIMULATOR_RECORDINGS = "simulator/recordings";

/** The simulated callee's voice in recordings: a built-in voice unlike the catalogue's agent voices. */
async function calleeVoice(text: string): Promise<Uint8Array | null> {
  if (!espeakInstalled()) return null;
  return synthesizeWithEspeak(text, { voice: "en-us", variant: "m7", rate: 170, pitch: 48, range: "medium" }, { background: true });
}

/** The number calls come from: Twilio's, or the simulator's own. */
export const SIMULATOR_FROM_NUMBER = "+15005550006";

const cache = globalThis as unknown as { vocelioTelephony?: { key: string; provider: TelephonyProvider }; vocelioTelephonyOverride?: TelephonyProvider };

function simulatorSpeed(): number {
  const raw = Number(process.env.SIMULATOR_SPEED ?? 1);
  return Number.isFinite(raw) && raw > 0 ? raw : 1;
}

/** The simulator as the product runs it: it hears the app's lines, speaks the callee with a built-in
 *  voice, keeps recordings in storage, and takes a lead's `sim_persona`. Tests add their own fetch. */
export function simulatorOptions(): Omit<SimulatorOptions, "speed"> {
  return {
    authToken: twilioAuthToken(),
    hear: async (url) => lineFor(url),
    calleeVoice,
    publishRecording: async (recordingSid, wav) => {
      const key = `${SIMULATOR_RECORDINGS}/${recordingSid}.wav`;
      await (await objectStore()).put(key, wav, { contentType: "audio/wav" });
      return signedObjectUrl(key, { expiresInSeconds: 86_400 });
    },
    unpublishRecording: async (url) => {
      const key = decodeURIComponent(new URL(url).pathname).split(`${OBJECTS_PATH}/`)[1];
      if (key?.startsWith(`${SIMULATOR_RECORDINGS}/`)) await (await objectStore()).delete(key);
    },
    personaOverride: async (to) => {
      const prisma = await db();
      // The lead of the call being placed to this number (not any organization's lead with it).
      const rows = await prisma.$queryRaw<{ persona: string | null }[]>`
        SELECT l.custom_fields->>'sim_persona' AS persona FROM calls c JOIN leads l ON l.id = c.lead_id
        WHERE c.phone = ${to} AND c.status IN ('initiated', 'ringing') ORDER BY c.started_at DESC LIMIT 1`;
      return rows[0]?.persona ?? null;
    },
  };
}

export function telephony(): TelephonyProvider {
  if (cache.vocelioTelephonyOverride) return cache.vocelioTelephonyOverride;
  const twilio = twilioConfig();
  const key = twilio ? `twilio:${twilio.accountSid}:${twilio.apiBaseUrl ?? ""}` : `simulator:${simulatorSpeed()}`;
  if (cache.vocelioTelephony?.key !== key) {
    const provider: TelephonyProvider = twilio ? new TwilioProvider(twilio) : new CarrierSimulator({ ...simulatorOptions(), speed: simulatorSpeed() });
    cache.vocelioTelephony = { key, provider };
  }
  return cache.vocelioTelephony.provider;
}

export function fromNumber(): string {
  return twilioConfig()?.fromNumber ?? SIMULATOR_FROM_NUMBER;
}

/** The built-in simulator, when it is the provider (browser legs exist only there). */
export function simulator(): CarrierSimulator | null {
  const provider = telephony();
  return provider instanceof CarrierSimulator ? provider : null;
}

/** For tests: a provider of their own (e.g. a simulator whose fetch reaches route handlers in-process). */
export function setTelephony(provider: TelephonyProvider | undefined): void {
  cache.vocelioTelephonyOverride = provider;
}
