import "server-only";
// A call as the API shows it: the spec's fields first (call_id, status, phone_number, duration, cost,
// recording_url, transcription, analysis), then what the call path adds.
import type { Call, CallEvent } from "@/lib/generated/prisma/client";
import { apiStatus } from "@/lib/calls/apply-status";
import type { TranscriptSegment } from "@/lib/calls/call-turn";
import { signedObjectUrl } from "@/lib/storage/signed-url";

/** Links to recordings last an hour: long enough to listen, short enough that a leaked one dies. */
const RECORDING_LINK_SECONDS = 3600;

export type CallNames = { campaign_name: string | null; lead_name: string | null; agent_name: string | null };

export function serializeCall(call: Call, timeline: CallEvent[], names: CallNames = { campaign_name: null, lead_name: null, agent_name: null }) {
  return {
    call_id: call.id,
    status: apiStatus(call.status),
    phone_number: call.phone,
    duration: call.durationSeconds ?? 0,
    cost: Number(call.cost),
    recording_url: call.recordingKey ? signedObjectUrl(call.recordingKey, { expiresInSeconds: RECORDING_LINK_SECONDS, filename: `${call.id}.wav` }) : null,
    recording_seconds: call.recordingSeconds,
    transcription: call.transcription,
    analysis: {
      sentiment: call.sentiment,
      conversion: call.converted,
      quality_score: call.qualityScore === null ? null : Number(call.qualityScore),
      details: call.analysis ?? null,
    },
    ended_reason: call.endedReason,
    disposition: call.disposition,
    direction: call.direction,
    from_number: call.fromNumber,
    campaign_id: call.campaignId,
    campaign_name: names.campaign_name,
    lead_id: call.leadId,
    lead_name: names.lead_name,
    agent_id: call.agentId,
    agent_name: names.agent_name,
    twilio_call_sid: call.twilioCallSid,
    answered_by: call.answeredBy,
    customer_satisfaction: call.customerSatisfaction === null ? null : Number(call.customerSatisfaction),
    agent_notes: call.agentNotes,
    transcript: (call.transcript as TranscriptSegment[]) ?? [],
    cost_breakdown: call.costBreakdown ?? null,
    timeline: timeline.map((e) => ({ status: e.status, provider_status: e.providerStatus, sequence: e.sequence, at: e.at.toISOString(), detail: e.detail })),
    started_at: call.startedAt.toISOString(),
    answered_at: call.answeredAt?.toISOString() ?? null,
    ended_at: call.endedAt?.toISOString() ?? null,
    created_at: call.createdAt.toISOString(),
  };
}
