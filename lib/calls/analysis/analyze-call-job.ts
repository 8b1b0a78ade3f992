import "server-only";
// The post-call analysis job (queued when an answered call ends, lib/calls/apply-status.ts): the
// lead's sentiment from their words (wink-nlp, offline) and the quality score (./quality.ts); the
// conversion is the disposition's, kept where the disposition is written. Queued again when a person
// changes an ended call's disposition; a rerun on the same call scores it the same. The AI analysis
// endpoints (later) extend this module.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import type { ConversationState } from "@/lib/agents/engine/types";
import { sentimentOf } from "@/lib/agents/understanding/nlp";
import { leadSentiment, qualityScore, type Segment } from "@/lib/calls/analysis/quality";
import { now } from "@/lib/calls/clock";

export async function analyzeCall(callId: string): Promise<void> {
  const prisma = await db();
  const call = await prisma.call.findUnique({ where: { id: callId }, include: { conversation: { select: { state: true } } } });
  if (!call || !call.endedAt) return;
  const segments = (call.transcript as Segment[] | null) ?? [];
  const sentiment = leadSentiment(segments, sentimentOf);
  const turns = (call.conversation?.state as ConversationState | undefined)?.turns ?? [];
  const quality = qualityScore({ endedReason: call.endedReason, disposition: call.disposition, segments, turns, sentiment: sentiment?.score ?? null });
  await prisma.call.update({
    where: { id: call.id },
    data: {
      sentiment: sentiment?.label ?? null,
      qualityScore: quality.score,
      analysis: { quality_components: quality.components, sentiment_score: sentiment?.score ?? null, analyzed_at: now().toISOString() },
    },
  });
}

export const analyzeCallJob = defineJob("calls.analyze", z.strictObject({ call_id: z.string() }), async ({ call_id }) => analyzeCall(call_id), { maxAttempts: 5 });
