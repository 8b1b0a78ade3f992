-- CreateEnum
CREATE TYPE "VoiceProvider" AS ENUM ('builtin', 'elevenlabs');

-- CreateEnum
CREATE TYPE "VoiceGender" AS ENUM ('female', 'male', 'neutral');

-- CreateEnum
CREATE TYPE "VoiceCategory" AS ENUM ('professional', 'conversational', 'narrative');

-- CreateEnum
CREATE TYPE "VoiceStatus" AS ENUM ('training', 'ready', 'failed');

-- CreateTable
CREATE TABLE "voices" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT,
    "provider" "VoiceProvider" NOT NULL,
    "provider_voice_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "language" TEXT NOT NULL,
    "gender" "VoiceGender" NOT NULL,
    "category" "VoiceCategory" NOT NULL,
    "status" "VoiceStatus" NOT NULL DEFAULT 'ready',
    "failure_reason" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "engine_params" JSONB NOT NULL DEFAULT '{}',
    "sample_key" TEXT,
    "sample_url" TEXT,
    "retired_at" TIMESTAMP(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "speech_audio" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "voice_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "duration_seconds" DECIMAL(10,3) NOT NULL,
    "characters" INTEGER NOT NULL,
    "cost" DECIMAL(12,6) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "speech_audio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voice_usage" (
    "organization_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "provider" "VoiceProvider" NOT NULL,
    "syntheses" INTEGER NOT NULL DEFAULT 0,
    "characters" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(14,6) NOT NULL DEFAULT 0,

    CONSTRAINT "voice_usage_pkey" PRIMARY KEY ("organization_id","month","provider")
);

-- CreateIndex
CREATE INDEX "voices_organization_id_created_at_idx" ON "voices"("organization_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "voices_provider_provider_voice_id_key" ON "voices"("provider", "provider_voice_id");

-- CreateIndex
CREATE INDEX "speech_audio_voice_id_idx" ON "speech_audio"("voice_id");

-- CreateIndex
CREATE UNIQUE INDEX "speech_audio_organization_id_content_hash_key" ON "speech_audio"("organization_id", "content_hash");

-- AddForeignKey
ALTER TABLE "voices" ADD CONSTRAINT "voices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "speech_audio" ADD CONSTRAINT "speech_audio_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "speech_audio" ADD CONSTRAINT "speech_audio_voice_id_fkey" FOREIGN KEY ("voice_id") REFERENCES "voices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_usage" ADD CONSTRAINT "voice_usage_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
