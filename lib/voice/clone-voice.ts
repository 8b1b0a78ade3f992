import "server-only";
// POST /api/voice/clone: checks the recording and the speaker's consent, stores the recording, and
// records the voice as "training" with its training job in one transaction (202). The job
// (clone-voice-job.ts) does the provider's work: an ElevenLabs instant clone, or with the built-in
// engine an analysis of the speaker's pitch and pace mapped onto an espeak voice.
import { open, readFile } from "node:fs/promises";
import { ApiError } from "@/lib/api/errors";
import type { UploadedFile } from "@/lib/api/multipart";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueue } from "@/lib/jobs/enqueue";
import { kickWork } from "@/lib/jobs/kick-work";
import type { AuthContext } from "@/lib/auth/context";
import { objectStore } from "@/lib/storage/provider";
import { sniffContainer, type Container } from "@/lib/voice/analysis/decode";
import { enabledProviders } from "@/lib/voice/enabled-providers";
import type { CloneVoiceFields } from "@/lib/voice/schemas";
import { cloneUploadKey } from "@/lib/voice/clone-upload";

/** How long training usually takes, for the spec's estimated_completion. */
const EXPECTED_SECONDS = { builtin: 30, elevenlabs: 60 } as const;


const CONTENT_TYPES: Record<Container, string> = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg", webm: "audio/webm" };

const fileProblem = (code: "VALIDATION_001" | "VALIDATION_002", message: string) =>
  new ApiError(code, `audio_file: ${message}`, { fields: [{ field: "audio_file", code, message }] });

export async function startVoiceClone(ctx: AuthContext, fields: CloneVoiceFields, file: UploadedFile | null) {
  if (fields.consent !== "true") {
    const message = "Confirm that the speaker agreed to have their voice cloned (consent=true)";
    throw new ApiError("VALIDATION_001", `consent: ${message}`, { fields: [{ field: "consent", code: "VALIDATION_001", message }] });
  }
  if (!file) throw fileProblem("VALIDATION_001", "Required: attach the recording as the `audio_file` field");
  if (file.size === 0) throw fileProblem("VALIDATION_002", "The file is empty");
  const handle = await open(file.path, "r");
  const head = Buffer.alloc(64);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const kind = sniffContainer(head);
  if (!kind) throw fileProblem("VALIDATION_002", "Not an audio recording: send WAV, MP3, OGG/Opus or WebM");
  const providers = await enabledProviders();
  const provider = fields.provider ?? (providers.includes("elevenlabs") ? "elevenlabs" : "builtin");
  if (!providers.includes(provider)) {
    throw new ApiError("SERVICE_003", `${provider} cloning needs ELEVENLABS_API_KEY to be configured`);
  }

  const voiceId = newId("voice");
  await (await objectStore()).put(cloneUploadKey(voiceId), await readFile(file.path), { contentType: CONTENT_TYPES[kind] });
  const prisma = await db();
  const now = new Date();
  // The recording is stored first (the job reads it); if the rows cannot be written, it goes again.
  await prisma
    .$transaction(async (tx) => {
      await tx.voice.create({
        data: {
          id: voiceId,
          organizationId: ctx.organization.id,
          provider,
          // Until training gives it the provider's id: unique, and never a catalogue key.
          providerVoiceId: `pending:${voiceId}`,
          name: fields.voice_name,
          description: fields.description || null,
          language: fields.language,
          gender: fields.gender ?? "neutral",
          category: fields.category,
          status: "training",
          settings: {},
          engineParams: { gender_given: fields.gender !== undefined },
          createdById: ctx.user.id,
        },
      });
      await enqueue(tx, { kind: "voice_clone", payload: { voice_id: voiceId }, organizationId: ctx.organization.id, singletonKey: `voice_clone:${voiceId}` });
      // Consent is the uploader's statement; the audit row keeps who made it and when.
      await recordAudit(tx, ctx, "voice.clone_requested", { type: "voice", id: voiceId }, {
        name: fields.voice_name,
        provider,
        consent: true,
        file_name: file.filename.slice(0, 255),
        file_bytes: file.size,
        file_sha256: file.sha256,
      });
    })
    .catch(async (error: unknown) => {
      await (await objectStore()).delete(cloneUploadKey(voiceId)).catch(() => undefined);
      throw error;
    });
  kickWork();
  return {
    voice_id: voiceId,
    status: "training" as const,
    estimated_completion: new Date(now.getTime() + EXPECTED_SECONDS[provider] * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    provider,
  };
}
