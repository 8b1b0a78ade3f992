import "server-only";
// The voice library for an organization: the catalogue (built-in; ElevenLabs' when it is configured)
// and the organization's own clones, filtered and paged. `language=en` matches every English region.
import { db } from "@/lib/db/client";
import { Page, pageWindow } from "@/lib/api/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ensureCatalogues } from "@/lib/voice/catalogue";
import { enabledProviders } from "@/lib/voice/enabled-providers";
import { serializeVoice, visibleVoices } from "@/lib/voice/serialize-voice";
import { voiceUsers } from "@/lib/voice/voice-usage";
import type { ListVoicesQuery } from "@/lib/voice/schemas";

const SORT = { name: "name", created_at: "createdAt", language: "language" } as const;

export async function listVoices(ctx: Pick<AuthContext, "organization">, q: ListVoicesQuery) {
  await ensureCatalogues();
  const prisma = await db();
  const providers = await enabledProviders();
  const language = q.language
    ? q.language.includes("-")
      ? { language: { equals: q.language, mode: "insensitive" as const } }
      : { OR: [{ language: { equals: q.language, mode: "insensitive" as const } }, { language: { startsWith: `${q.language}-`, mode: "insensitive" as const } }] }
    : {};
  const where: Prisma.VoiceWhereInput = {
    AND: [
      visibleVoices(ctx.organization.id),
      { retiredAt: null, provider: { in: q.provider ? providers.filter((p) => p === q.provider) : providers } },
      language,
      q.gender ? { gender: q.gender } : {},
      q.category ? { category: q.category } : {},
      q.search
        ? { OR: [{ name: { contains: q.search, mode: "insensitive" } }, { description: { contains: q.search, mode: "insensitive" } }] }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.voice.findMany({ where, orderBy: [{ [SORT[q.sort as keyof typeof SORT]]: q.order }, { id: q.order }], ...pageWindow(q) }),
    prisma.voice.count({ where }),
  ]);
  const users = await voiceUsers(ctx.organization.id, rows.map((r) => r.id));
  return new Page(
    rows.map((v) => serializeVoice(v, ctx.organization.id, users.has(v.id))),
    total,
    q,
  ).nestedUnder("voices");
}
