import "server-only";
// GET /api/calls/active: the organization's calls in flight (a few hundred at most, read by the
// (organization_id, status, started_at) index), longest first, with names, the step the agent waits
// at and the last thing said, and the spec's summary.
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { now } from "@/lib/calls/clock";
import { namesFor } from "@/lib/calls/list-calls";
import type { TranscriptSegment } from "@/lib/calls/call-turn";

const MAX_ACTIVE = 500;

function lastSaid(transcript: TranscriptSegment[] | null): { speaker: "agent" | "lead"; text: string } | null {
  const last = transcript?.at(-1);
  return last ? { speaker: last.speaker, text: last.text } : null;
}

export async function listActiveCalls(ctx: AuthContext) {
  const prisma = await db();
  const calls = await prisma.call.findMany({
    where: { organizationId: ctx.organization.id, status: { in: ["initiated", "ringing", "in_progress"] } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: MAX_ACTIVE,
    include: { conversation: { select: { state: true } } },
  });
  const names = await namesFor(ctx.organization.id, calls);
  const at = now().getTime();
  const active = calls.map((c) => ({
    call_id: c.id,
    status: c.status as "initiated" | "ringing" | "in_progress",
    duration: c.answeredAt ? Math.max(0, Math.round((at - c.answeredAt.getTime()) / 1000)) : 0,
    quality_score: c.qualityScore === null ? null : Number(c.qualityScore),
    phone_number: c.phone,
    campaign_id: c.campaignId,
    lead_id: c.leadId,
    agent_id: c.agentId,
    campaign_name: c.campaignId ? (names.campaigns.get(c.campaignId) ?? null) : null,
    lead_name: c.leadId ? (names.leads.get(c.leadId) ?? null) : null,
    agent_name: c.agentId ? (names.agents.get(c.agentId) ?? null) : null,
    current_step: ((c.conversation?.state ?? null) as { step?: string | null } | null)?.step ?? null,
    last_said: lastSaid(c.transcript as TranscriptSegment[] | null),
    started_at: c.startedAt.toISOString(),
    answered_at: c.answeredAt?.toISOString() ?? null,
  }));
  const answered = active.filter((c) => c.status === "in_progress");
  return {
    active_calls: active,
    summary: {
      total_active: active.length,
      average_duration: answered.length ? Math.round(answered.reduce((sum, c) => sum + c.duration, 0) / answered.length) : 0,
    },
  };
}
