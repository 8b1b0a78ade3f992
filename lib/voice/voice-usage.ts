import "server-only";
// Who uses a voice in an organization: campaigns (settings.voice_id) and agents (voice_id). The library
// shows it, and deleting a voice in use is refused with the names of its users.
import { db } from "@/lib/db/client";

export type VoiceUser = { kind: "campaign" | "agent"; id: string; name: string };

/** Voice id → campaigns and agents of the organization that speak with it, for the given voices. */
export async function voiceUsers(organizationId: string, voiceIds: string[]): Promise<Map<string, VoiceUser[]>> {
  const users = new Map<string, VoiceUser[]>();
  if (!voiceIds.length) return users;
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ voice_id: string; kind: "campaign" | "agent"; id: string; name: string }[]>`
    SELECT settings->>'voice_id' AS voice_id, 'campaign' AS kind, id, name FROM campaigns
    WHERE organization_id = ${organizationId} AND settings->>'voice_id' = ANY(${voiceIds}::text[])
    UNION ALL
    SELECT voice_id, 'agent' AS kind, id, name FROM agents
    WHERE organization_id = ${organizationId} AND voice_id = ANY(${voiceIds}::text[])
    ORDER BY kind, name`;
  for (const row of rows) users.set(row.voice_id, [...(users.get(row.voice_id) ?? []), { kind: row.kind, id: row.id, name: row.name }]);
  return users;
}
