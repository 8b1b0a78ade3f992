import "server-only";
import type { z } from "zod";
import { signedObjectUrl } from "@/lib/storage/signed-url";
import type { Voice } from "@/lib/generated/prisma/client";
import type { voiceResponse } from "@/lib/voice/operations";
import type { VoiceSettings } from "@/lib/voice/settings";

/** Catalogue voices and this organization's clones; a retired catalogue voice only by id. */
export function visibleVoices(organizationId: string) {
  return { OR: [{ organizationId: null }, { organizationId }] };
}

const HOUR_MS = 3_600_000;

/** A playable link to the voice's sample: a signed link to the stored sample, or the provider's own.
 *  Signed from the start of the hour, so a sample keeps one URL for an hour (browsers cache it, and a
 *  refetched list does not restart a playing sample); it stays valid 23–24 hours. */
function sampleUrl(voice: Voice): string | null {
  if (voice.sampleKey) {
    return signedObjectUrl(voice.sampleKey, {
      filename: `${voice.name}${voice.sampleKey.slice(voice.sampleKey.lastIndexOf("."))}`,
      now: new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS),
    });
  }
  return voice.sampleUrl;
}

export function serializeVoice(voice: Voice, organizationId: string, inUse: boolean): z.output<typeof voiceResponse> {
  return {
    id: voice.id,
    name: voice.name,
    provider: voice.provider,
    language: voice.language,
    gender: voice.gender,
    category: voice.category,
    sample_url: sampleUrl(voice),
    settings: voice.settings as VoiceSettings,
    status: voice.status,
    failure_reason: voice.failureReason,
    description: voice.description,
    owned: voice.organizationId === organizationId,
    in_use: inUse,
    created_at: voice.createdAt.toISOString(),
  };
}
