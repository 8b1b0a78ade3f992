import "server-only";
// Who uses a voice in an organization. Campaign settings name a voice (settings.voice_id); agents will
// too. The library shows it, and deleting a voice in use is refused with the names of its users.
import { db } from "@/lib/db/client";

/** Voice id → campaigns of the organization whose settings name it, for the given voices. */
export async function voiceUsers(organizationId: string, voiceIds: string[]): Promise<Map<string, { kind: "campaign"; id: string; name: string }[]>> {
  const users = new Map<string, { kind: "campaign"; id: string; name: string }[]>();
  if (!voiceIds.length) return users;
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ voice_id: string; id: string; name: string }[]>`
    SELECT settings->>'voice_id' AS voice_id, id, name FROM campaigns
    WHERE organization_id = ${organizationId} AND settings->>'voice_id' = ANY(${voiceIds}::text[])
    ORDER BY name`;
  for (const row of rows) users.set(row.voice_id, [...(users.get(row.voice_id) ?? []), { kind: "campaign", id: row.id, name: row.name }]);
  return users;
}
