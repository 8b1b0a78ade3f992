import "server-only";
// One voice: read (catalogue or own clone; another organization's clone is "not found"), edit and
// delete (own clones only; a catalogue voice cannot be changed, a voice in use cannot be deleted).
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma, Voice } from "@/lib/generated/prisma/client";
import { objectStore } from "@/lib/storage/provider";
import { ensureCatalogues } from "@/lib/voice/catalogue";
import { cloneUploadKey } from "@/lib/voice/clone-upload";
import { serializeVoice, visibleVoices } from "@/lib/voice/serialize-voice";
import { voiceUsers } from "@/lib/voice/voice-usage";
import { resolveSettings, type ProviderId } from "@/lib/voice/settings";
import type { UpdateVoiceInput } from "@/lib/voice/schemas";

export async function findVoiceOrThrow(ctx: Pick<AuthContext, "organization">, voiceId: string): Promise<Voice> {
  await ensureCatalogues();
  const prisma = await db();
  const voice = await prisma.voice.findFirst({ where: { id: voiceId, ...visibleVoices(ctx.organization.id) } });
  if (!voice) throw new ApiError("RESOURCE_001", "Voice not found");
  return voice;
}

async function ownCloneOrThrow(ctx: AuthContext, voiceId: string, action: string): Promise<Voice> {
  const voice = await findVoiceOrThrow(ctx, voiceId);
  if (voice.organizationId !== ctx.organization.id) {
    throw new ApiError("RESOURCE_003", `Catalogue voices cannot be ${action}; only your organization's clones can`);
  }
  return voice;
}

export async function getVoice(ctx: AuthContext, voiceId: string) {
  const voice = await findVoiceOrThrow(ctx, voiceId);
  const users = await voiceUsers(ctx.organization.id, [voice.id]);
  return serializeVoice(voice, ctx.organization.id, users.has(voice.id));
}

export async function updateVoice(ctx: AuthContext, voiceId: string, input: UpdateVoiceInput) {
  const voice = await ownCloneOrThrow(ctx, voiceId, "edited");
  const data: Prisma.VoiceUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.description !== undefined) data.description = input.description || null;
  if (input.settings !== undefined) {
    // Defaults keep only what the voice's provider honours; the rest would never be used.
    data.settings = resolveSettings(voice.provider as ProviderId, {}, input.settings).settings;
  }
  const prisma = await db();
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.voice.update({ where: { id: voice.id }, data });
    await recordAudit(tx, ctx, "voice.updated", { type: "voice", id: voice.id }, { fields: Object.keys(input) });
    return row;
  });
  const users = await voiceUsers(ctx.organization.id, [voice.id]);
  return serializeVoice(updated, ctx.organization.id, users.has(voice.id));
}

export async function deleteVoice(ctx: AuthContext, voiceId: string) {
  const voice = await ownCloneOrThrow(ctx, voiceId, "deleted");
  const users = (await voiceUsers(ctx.organization.id, [voice.id])).get(voice.id) ?? [];
  if (users.length) {
    const names = users.map((u) => `${u.kind} "${u.name}"`).join(", ");
    throw new ApiError("RESOURCE_003", `The voice is in use by ${names}; choose another voice there first`, { used_by: users });
  }
  const prisma = await db();
  const audio = await prisma.speechAudio.findMany({ where: { voiceId: voice.id }, select: { objectKey: true } });
  await prisma.$transaction(async (tx) => {
    await tx.voice.delete({ where: { id: voice.id } });
    await recordAudit(tx, ctx, "voice.deleted", { type: "voice", id: voice.id }, { name: voice.name });
  });
  // The rows are gone; the files follow (a failure leaves an orphan, never a row without its file).
  const store = await objectStore();
  // A clone deleted before training ended still has its recording waiting.
  for (const key of [voice.sampleKey, cloneUploadKey(voice.id), ...audio.map((a) => a.objectKey)]) if (key) await store.delete(key).catch(() => undefined);
  return { id: voice.id, deleted: true as const };
}

/** A campaign (or agent) may speak only with a ready voice of this organization's library. */
export async function assertSpeakingVoice(ctx: Pick<AuthContext, "organization">, voiceId: string, field: string): Promise<void> {
  const problem = (message: string) => new ApiError("VALIDATION_003", `${field}: ${message}`, { fields: [{ field, code: "VALIDATION_003", message }] });
  const prisma = await db();
  await ensureCatalogues();
  const voice = await prisma.voice.findFirst({ where: { id: voiceId, ...visibleVoices(ctx.organization.id) }, select: { status: true, retiredAt: true } });
  if (!voice) throw problem("No such voice in your library");
  if (voice.status !== "ready") throw problem(voice.status === "training" ? "The voice is still training" : "The voice failed to train");
}
