-- Stored idempotent responses were kept in plain text (including one-time secrets) and had no scope.
-- They are only a 24-hour replay cache, so they are purged rather than migrated.
DELETE FROM "idempotency_records";

-- DropIndex
DROP INDEX "idempotency_records_organization_id_key_key";

-- AlterTable
ALTER TABLE "idempotency_records" ADD COLUMN     "scope" TEXT NOT NULL,
ALTER COLUMN "organization_id" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_records_scope_key_key" ON "idempotency_records"("scope", "key");
