import "server-only";
// POST /api/voice/generate: text spoken by a library voice, stored, and handed back as a signed link
// that Twilio or a browser can play without a token. The audio is addressed by a hash of everything that
// shapes it (provider, voice, its engine parameters, the settings used, format, text), so a repeat
// request is a lookup: no provider call and no new cost. Each synthesis adds its characters and cost to
// the organization's monthly usage in the same transaction that records the audio.
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/auth/context";
import type { SpeechAudio } from "@/lib/generated/prisma/client";
import { objectStore } from "@/lib/storage/provider";
import { signedObjectUrl } from "@/lib/storage/signed-url";
import { SpeechEngineUnavailable } from "@/lib/voice/builtin/espeak";
import { enabledProviders } from "@/lib/voice/enabled-providers";
import { CONTENT_TYPES, SpeechProviderError, speechProvider, type AudioFormat } from "@/lib/voice/provider";
import { resolveSettings, type ProviderId, type VoiceSettings } from "@/lib/voice/settings";
import { findVoiceOrThrow } from "@/lib/voice/voices";
import type { GenerateSpeechInput } from "@/lib/voice/schemas";

const LINK_SECONDS = 86_400;

/** Keys in a fixed order, so equal settings hash equally however the request ordered them. */
function canonical(settings: VoiceSettings): [string, unknown][] {
  return Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1));
}

function toReply(audio: SpeechAudio, cached: boolean, ignored: string[]) {
  const expires = new Date(Date.now() + LINK_SECONDS * 1000);
  return {
    audio_id: audio.id,
    audio_url: signedObjectUrl(audio.objectKey, { expiresInSeconds: LINK_SECONDS, filename: `${audio.id}.${audio.format}` }),
    expires_at: new Date(Math.floor(expires.getTime() / 1000) * 1000).toISOString(),
    duration: Number(audio.durationSeconds),
    characters_used: audio.characters,
    cost: cached ? 0 : Number(audio.cost),
    format: audio.format as AudioFormat,
    cached,
    voice_id: audio.voiceId,
    ignored_settings: ignored,
  };
}

function providerFailure(provider: ProviderId, error: unknown): ApiError {
  if (error instanceof SpeechEngineUnavailable) return new ApiError("SERVICE_003", error.message);
  if (error instanceof SpeechProviderError) {
    if (error.status === 429) return new ApiError("SERVICE_002", `${provider} is rate limiting requests: ${error.message}`, { provider });
    return new ApiError("SERVICE_001", `${provider} could not synthesize speech: ${error.message}`, { provider, provider_status: error.status ?? null });
  }
  return new ApiError("SERVICE_001", `${provider} could not synthesize speech: ${error instanceof Error ? error.message : String(error)}`, { provider });
}

export async function generateSpeech(ctx: ServiceContext, input: GenerateSpeechInput) {
  const voice = await findVoiceOrThrow(ctx, input.voice_id);
  if (voice.status !== "ready") {
    throw new ApiError("RESOURCE_003", voice.status === "training" ? "The voice is still training; try again when it is ready" : `The voice failed to train: ${voice.failureReason ?? "unknown reason"}`, { status: voice.status });
  }
  const providerId = voice.provider as ProviderId;
  if (!(await enabledProviders()).includes(providerId)) {
    throw new ApiError("SERVICE_003", `${providerId} voices need ${providerId === "elevenlabs" ? "ELEVENLABS_API_KEY" : "the built-in engine"} to be configured`);
  }
  const provider = await speechProvider(providerId);
  const format = input.format ?? provider.formats[0]!;
  if (!provider.formats.includes(format)) {
    throw new ApiError("VALIDATION_003", `format: ${providerId} voices speak ${provider.formats.join(" or ")}`, {
      fields: [{ field: "format", code: "VALIDATION_003", message: `One of: ${provider.formats.join(", ")}` }],
    });
  }
  const { settings, ignored } = resolveSettings(providerId, voice.settings as VoiceSettings, input.settings);
  const hash = createHash("sha256")
    .update(JSON.stringify([1, providerId, voice.providerVoiceId, voice.engineParams, canonical(settings), format, input.text]))
    .digest("hex");
  const prisma = await db();
  const where = { organizationId_contentHash: { organizationId: ctx.organization.id, contentHash: hash } };
  const stored = await prisma.speechAudio.findUnique({ where });
  if (stored) return toReply(stored, true, ignored);

  let synthesis;
  try {
    synthesis = await provider.synthesize({ providerVoiceId: voice.providerVoiceId, engineParams: voice.engineParams as Record<string, unknown> }, input.text, settings, format);
  } catch (error) {
    throw providerFailure(providerId, error);
  }
  const characters = [...input.text].length;
  // Cost in millionths of a dollar, rounded once here (the column keeps six decimals).
  const cost = Math.round((characters / 1000) * provider.pricePer1000Characters() * 1e6) / 1e6;
  const id = newId("audio");
  const objectKey = `speech/${ctx.organization.id}/${id}.${format}`;
  await (await objectStore()).put(objectKey, synthesis.audio, { contentType: CONTENT_TYPES[format] });
  const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  const created = await prisma.$transaction(async (tx) => {
    // Two identical requests at once: the second finds the first's row and is a cache hit.
    const inserted = await tx.speechAudio.createMany({
      data: [{ id, organizationId: ctx.organization.id, voiceId: voice.id, contentHash: hash, objectKey, format, contentType: CONTENT_TYPES[format], bytes: synthesis.audio.length, durationSeconds: synthesis.durationSeconds.toFixed(3), characters, cost }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return null;
    await tx.voiceUsage.upsert({
      where: { organizationId_month_provider: { organizationId: ctx.organization.id, month, provider: providerId } },
      create: { organizationId: ctx.organization.id, month, provider: providerId, syntheses: 1, characters, cost },
      update: { syntheses: { increment: 1 }, characters: { increment: characters }, cost: { increment: cost } },
    });
    return tx.speechAudio.findUniqueOrThrow({ where: { id } });
  });
  if (!created) {
    await (await objectStore()).delete(objectKey).catch(() => undefined);
    return toReply(await prisma.speechAudio.findUniqueOrThrow({ where }), true, ignored);
  }
  return toReply(created, false, ignored);
}
