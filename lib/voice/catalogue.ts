import "server-only";
// Keeps the library's catalogue rows in step with the built-in catalogue (lib/voice/builtin/
// catalogue.ts): missing voices are added, changed ones updated, dropped ones retired (kept for whoever
// uses them, hidden from lists), and each voice's sample is rendered once and stored. A sample's object
// key carries a hash of what it says and how, so a changed voice gets a new sample and an unchanged one
// is never rendered twice — not even into a fresh database, when the store already holds it.
// Runs once per process, before the first read of the library.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { log } from "@/lib/api/log";
import { objectStore } from "@/lib/storage/provider";
import { BUILTIN_CATALOGUE, sampleText, type CatalogueVoice } from "@/lib/voice/builtin/catalogue";
import { builtinProvider } from "@/lib/voice/builtin/provider";
import { espeakInstalled } from "@/lib/voice/builtin/espeak";
import { elevenLabsConfigured } from "@/lib/voice/elevenlabs/config";
import type { Prisma } from "@/lib/generated/prisma/client";

export const builtinVoiceId = (key: string) => `voice_${key}`;

function defaults(voice: CatalogueVoice) {
  return { speed: 1, pitch: 1, stability: voice.stability };
}

function sampleKey(voice: CatalogueVoice): string {
  const text = sampleText(voice.language, voice.name);
  const digest = createHash("sha256").update(JSON.stringify([voice.espeak, defaults(voice), text])).digest("hex").slice(0, 16);
  return `voices/samples/${builtinVoiceId(voice.key)}-${digest}.wav`;
}

async function renderSample(voice: CatalogueVoice, key: string): Promise<void> {
  const store = await objectStore();
  if (await store.head(key)) return;
  const { audio } = await builtinProvider.synthesize({ providerVoiceId: voice.key, engineParams: voice.espeak }, sampleText(voice.language, voice.name), defaults(voice), "wav");
  await store.put(key, audio, { contentType: "audio/wav" });
}

async function sync(prisma: Awaited<ReturnType<typeof db>>): Promise<void> {
  const rows = await prisma.voice.findMany({ where: { provider: "builtin", organizationId: null }, select: { id: true, providerVoiceId: true, sampleKey: true, retiredAt: true } });
  const byKey = new Map(rows.map((r) => [r.providerVoiceId, r]));
  for (const voice of BUILTIN_CATALOGUE) {
    const key = sampleKey(voice);
    const row = byKey.get(voice.key);
    if (row?.sampleKey === key && !row.retiredAt) continue;
    await renderSample(voice, key);
    const data = {
      name: voice.name,
      description: voice.description,
      language: voice.language,
      gender: voice.gender,
      category: voice.category,
      status: "ready",
      settings: defaults(voice),
      engineParams: voice.espeak as Prisma.InputJsonValue,
      sampleKey: key,
      retiredAt: null,
    } as const;
    await prisma.voice.upsert({
      where: { provider_providerVoiceId: { provider: "builtin", providerVoiceId: voice.key } },
      create: { id: builtinVoiceId(voice.key), provider: "builtin", providerVoiceId: voice.key, ...data },
      update: data,
    });
  }
  const offered = new Set(BUILTIN_CATALOGUE.map((v) => v.key));
  const dropped = rows.filter((r) => !offered.has(r.providerVoiceId) && !r.retiredAt).map((r) => r.id);
  if (dropped.length) await prisma.voice.updateMany({ where: { id: { in: dropped } }, data: { retiredAt: new Date() } });
}

// Per database client (tests open several databases in one process).
const synced = new WeakMap<object, Promise<void>>();

/** The built-in catalogue is in the database with its samples (once per process; retried after a failure). */
export async function ensureBuiltinCatalogue(): Promise<void> {
  const prisma = await db();
  let done = synced.get(prisma);
  if (!done) {
    if (!espeakInstalled()) return; // the optional engine is left out: no built-in voices to offer
    done = sync(prisma).catch((error: unknown) => {
      synced.delete(prisma);
      log("error", "voice_catalogue_sync_failed", { error: error instanceof Error ? error.message : String(error) });
      throw error;
    });
    synced.set(prisma, done);
  }
  return done;
}

// ── ElevenLabs ───────────────────────────────────────────────────────────────────────────────────
// With ELEVENLABS_API_KEY set, the account's voices (premade and library voices; not clones, which
// belong to the organizations that made them) are synced into the library, at most every ten minutes
// per process. An outage leaves the last synced list in place: the library keeps working.

const ELEVENLABS_SYNC_MS = 10 * 60_000;
const elevenLabsSynced = new WeakMap<object, { at: number; running: Promise<void> | null }>();

export const elevenLabsVoiceId = (providerVoiceId: string) => `voice_el_${providerVoiceId}`;

async function syncElevenLabs(prisma: Awaited<ReturnType<typeof db>>): Promise<void> {
  const { listElevenLabsVoices } = await import("@/lib/voice/elevenlabs/provider");
  const voices = (await listElevenLabsVoices()).filter((v) => v.provider_category !== "cloned");
  const owned = new Set(
    (await prisma.voice.findMany({ where: { provider: "elevenlabs", NOT: { organizationId: null } }, select: { providerVoiceId: true } })).map((v) => v.providerVoiceId),
  );
  for (const voice of voices) {
    if (owned.has(voice.provider_voice_id)) continue;
    const data = {
      name: voice.name,
      description: voice.description,
      language: voice.language,
      gender: voice.gender,
      category: voice.category,
      status: "ready",
      sampleUrl: voice.preview_url,
      retiredAt: null,
    } as const;
    await prisma.voice.upsert({
      where: { provider_providerVoiceId: { provider: "elevenlabs", providerVoiceId: voice.provider_voice_id } },
      create: {
        id: elevenLabsVoiceId(voice.provider_voice_id),
        provider: "elevenlabs",
        providerVoiceId: voice.provider_voice_id,
        settings: { stability: 0.5, similarity_boost: 0.75, style: 0, use_speaker_boost: true, speed: 1 },
        ...data,
      },
      update: data,
    });
  }
  const offered = voices.map((v) => v.provider_voice_id);
  await prisma.voice.updateMany({
    where: { provider: "elevenlabs", organizationId: null, retiredAt: null, providerVoiceId: { notIn: offered } },
    data: { retiredAt: new Date() },
  });
}

/** ElevenLabs' voices are in the library when it is configured (refreshed every ten minutes). */
export async function ensureElevenLabsCatalogue(): Promise<void> {
  if (!elevenLabsConfigured()) return;
  const prisma = await db();
  const state = elevenLabsSynced.get(prisma) ?? { at: 0, running: null };
  elevenLabsSynced.set(prisma, state);
  if (Date.now() - state.at < ELEVENLABS_SYNC_MS) return;
  state.running ??= syncElevenLabs(prisma)
    .then(() => {
      state.at = Date.now();
    })
    .catch((error: unknown) => {
      // Tried again on the next read; the voices synced before stay listed.
      log("warn", "elevenlabs_catalogue_sync_failed", { error: error instanceof Error ? error.message : String(error) });
    })
    .finally(() => {
      state.running = null;
    });
  await state.running;
}

/** Every catalogue this deployment offers is in the database. */
export async function ensureCatalogues(): Promise<void> {
  await Promise.all([ensureBuiltinCatalogue(), ensureElevenLabsCatalogue()]);
}
