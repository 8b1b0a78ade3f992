-- DropIndex
DROP INDEX "calls_organization_id_status_idx";

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "analysis" JSONB,
ADD COLUMN     "recording_key" TEXT,
ADD COLUMN     "recording_seconds" INTEGER,
ADD COLUMN     "transfer" JSONB,
ADD COLUMN     "speech_characters" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "speech_cost" DECIMAL(12,6) NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "calls_organization_id_status_started_at_idx" ON "calls"("organization_id", "status", "started_at");

-- CreateIndex
CREATE INDEX "calls_organization_id_disposition_started_at_idx" ON "calls"("organization_id", "disposition", "started_at");

-- CreateIndex
CREATE INDEX "calls_agent_id_started_at_idx" ON "calls"("agent_id", "started_at");

-- CreateIndex
CREATE INDEX "calls_lead_id_started_at_idx" ON "calls"("lead_id", "started_at");

-- The reconciler's sweep (lib/calls/reconcile-calls.ts) across organizations: only calls in flight,
-- a handful at any time, so a partial index stays tiny however many calls there are.
CREATE INDEX "calls_in_flight_started_at_idx" ON "calls"("started_at") WHERE "status" IN ('initiated', 'ringing', 'in_progress');

-- Answered calls still waiting for their recording: the reconciler's second sweep reads the last day
-- of them by ended_at; a call gets out of the index when its recording is copied.
CREATE INDEX "calls_unrecorded_ended_at_idx" ON "calls"("ended_at") WHERE "recording_key" IS NULL AND "answered_at" IS NOT NULL AND ("settings"->>'recording') IS DISTINCT FROM 'false';
