-- CreateEnum
CREATE TYPE "LeadImportIssueKind" AS ENUM ('invalid', 'duplicate', 'suppressed');

-- AlterTable
ALTER TABLE "lead_import_errors" ADD COLUMN     "email" TEXT,
ADD COLUMN     "kind" "LeadImportIssueKind" NOT NULL DEFAULT 'invalid',
ADD COLUMN     "name" TEXT;
