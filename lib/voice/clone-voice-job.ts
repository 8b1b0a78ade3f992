import "server-only";
// Training a cloned voice, as a durable job (enqueued with the voice row by clone-voice.ts). ElevenLabs:
// an instant voice clone through its voices API. Built-in: the recording is decoded and analysed —
// speaking time, median pitch (YIN) and pace — and mapped onto an espeak voice with that pitch and
// pace (it matches the speaker's pitch and pace, not their timbre; README says so). Either way the
// voice gets a sample, then "ready"; a recording that cannot serve ends "failed" with the reason. The
// recording is deleted once training ends (the audit log keeps who uploaded it, with consent).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { log } from "@/lib/api/log";
import { defineJob, type JobInfo } from "@/lib/jobs/define-job";
import type { Prisma, Voice } from "@/lib/generated/prisma/client";
import { objectStore, readObjectBytes } from "@/lib/storage/provider";
import { sampleText } from "@/lib/voice/builtin/catalogue";
import { speechProvider, SpeechProviderError, type ProviderVoice } from "@/lib/voice/provider";
import { cloneUploadKey } from "@/lib/voice/clone-upload";
import { analyzeRecording } from "@/lib/voice/clone-analysis";
import type { ProviderId, VoiceSettings } from "@/lib/voice/settings";

class TrainingFailed extends Error {}

async function readUpload(voiceId: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const object = await (await objectStore()).get(cloneUploadKey(voiceId));
  if (!object) return null;
  return { bytes: await readObjectBytes(object.body), contentType: object.contentType };
}

/** Trains on the provider and returns what the ready voice row needs. */
async function train(voice: Voice, recording: { bytes: Uint8Array; contentType: string }): Promise<Prisma.VoiceUpdateInput & { settings: VoiceSettings; engineParams: Record<string, unknown>; providerVoiceId: string }> {
  if (voice.provider === "elevenlabs") {
    let providerVoiceId = voice.providerVoiceId;
    let requiresVerification = (voice.engineParams as { requires_verification?: boolean }).requires_verification ?? false;
    // A retry after the clone was made (e.g. its sample failed) reuses it instead of cloning again.
    if (providerVoiceId.startsWith("pending:")) {
      const { cloneElevenLabsVoice } = await import("@/lib/voice/elevenlabs/provider");
      const extension = recording.contentType.split("/")[1] ?? "bin";
      const cloned = await cloneElevenLabsVoice({
        name: voice.name,
        description: voice.description ?? undefined,
        files: [{ filename: `recording.${extension}`, contentType: recording.contentType, bytes: recording.bytes }],
      });
      providerVoiceId = cloned.provider_voice_id;
      requiresVerification = cloned.requires_verification;
      const prisma = await db();
      await prisma.voice.updateMany({
        where: { id: voice.id, status: "training" },
        data: { providerVoiceId, engineParams: { requires_verification: requiresVerification } },
      });
    }
    return {
      providerVoiceId,
      settings: { stability: 0.5, similarity_boost: 0.75, style: 0, use_speaker_boost: true, speed: 1 },
      engineParams: { requires_verification: requiresVerification },
    };
  }
  const analysis = await analyzeRecording(recording.bytes, voice.language);
  if (!analysis.ok) throw new TrainingFailed(analysis.message);
  const givenGender = (voice.engineParams as { gender_given?: boolean }).gender_given === true;
  return {
    providerVoiceId: `clone:${voice.id}`,
    settings: { speed: 1, pitch: 1, stability: 0.5 },
    engineParams: { ...analysis.params, measured: analysis.measured },
    ...(givenGender ? {} : { gender: analysis.gender }),
  };
}

async function renderSample(voice: Voice, providerVoice: ProviderVoice, settings: VoiceSettings): Promise<string> {
  const provider = await speechProvider(voice.provider as ProviderId);
  const synthesis = await provider.synthesize(providerVoice, sampleText(voice.language, voice.name), settings, provider.formats[0]!);
  const key = `voices/samples/${voice.id}.${synthesis.format}`;
  await (await objectStore()).put(key, synthesis.audio, { contentType: synthesis.format === "mp3" ? "audio/mpeg" : "audio/wav" });
  return key;
}

async function fail(voice: Voice, reason: string): Promise<void> {
  const prisma = await db();
  await prisma.voice.updateMany({ where: { id: voice.id, status: "training" }, data: { status: "failed", failureReason: reason.slice(0, 500) } });
  log("info", "voice_clone_failed", { voice_id: voice.id, reason });
}

export async function runVoiceClone(voiceId: string, job: Pick<JobInfo, "attempt" | "maxAttempts">): Promise<void> {
  const prisma = await db();
  const voice = await prisma.voice.findUnique({ where: { id: voiceId } });
  const store = await objectStore();
  if (!voice || voice.status !== "training") {
    // Deleted while queued, or finished by an earlier run: the recording is not needed any more.
    await store.delete(cloneUploadKey(voiceId)).catch(() => undefined);
    return;
  }
  try {
    const recording = await readUpload(voice.id);
    if (!recording) throw new TrainingFailed("The recording is no longer available; upload it again");
    const trained = await train(voice, recording);
    const providerVoice = { providerVoiceId: trained.providerVoiceId, engineParams: trained.engineParams };
    const sampleKey = await renderSample({ ...voice, ...(trained as object) } as Voice, providerVoice, trained.settings);
    const done = await prisma.voice.updateMany({
      where: { id: voice.id, status: "training" },
      data: { ...trained, engineParams: trained.engineParams as Prisma.InputJsonValue, sampleKey, status: "ready", failureReason: null },
    });
    // Deleted while training: the sample just rendered belongs to nobody.
    if (done.count === 0) await store.delete(sampleKey).catch(() => undefined);
  } catch (error) {
    if (error instanceof TrainingFailed) await fail(voice, error.message);
    else if (job.attempt >= job.maxAttempts) {
      // Out of retries: the voice says why instead of training forever.
      const reason = error instanceof SpeechProviderError ? error.message : "Training failed unexpectedly";
      await fail(voice, reason);
    } else throw error; // a provider outage or the database: retried with backoff
  }
  await store.delete(cloneUploadKey(voice.id)).catch(() => undefined);
}

export const voiceCloneJob = defineJob(
  "voice_clone",
  z.object({ voice_id: z.string().min(1).max(64) }),
  (payload, job) => runVoiceClone(payload.voice_id, job),
  { maxAttempts: 4, leaseMs: 120_000, backoffMs: 15_000 },
);
