-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "answered_by" TEXT,
ADD COLUMN     "conversation_id" TEXT,
ADD COLUMN     "cost_breakdown" JSONB,
ADD COLUMN     "direction" TEXT NOT NULL DEFAULT 'outbound',
ADD COLUMN     "ended_by" TEXT,
ADD COLUMN     "ended_reason" TEXT,
ADD COLUMN     "from_number" TEXT,
ADD COLUMN     "provider" TEXT,
ADD COLUMN     "provider_sequence" INTEGER NOT NULL DEFAULT -1,
ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "transcript" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "call_events" (
    "id" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider_status" TEXT,
    "sequence" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_events_call_id_at_idx" ON "call_events"("call_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "calls_conversation_id_key" ON "calls"("conversation_id");

-- CreateIndex
CREATE INDEX "calls_organization_id_phone_status_idx" ON "calls"("organization_id", "phone", "status");

-- CreateIndex
CREATE INDEX "calls_organization_id_status_idx" ON "calls"("organization_id", "status");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "agent_conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
