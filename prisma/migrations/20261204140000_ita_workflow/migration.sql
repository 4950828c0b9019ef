-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.

ALTER TYPE "ClientStatus" ADD VALUE 'invitation_declined';
ALTER TYPE "ClientStatus" ADD VALUE 'invitation_expired';
ALTER TYPE "ClientStatus" ADD VALUE 'approved';
ALTER TYPE "ClientStatus" ADD VALUE 'refused';

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "applicationDueOn" DATE,
ADD COLUMN     "applicationSubmittedOn" DATE,
ADD COLUMN     "decisionOn" DATE,
ADD COLUMN     "itaDate" DATE,
ADD COLUMN     "itaRound" TEXT;

-- AlterTable
ALTER TABLE "Firm" ADD COLUMN     "documentBufferMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "followedDrawKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "pdfFirmName" TEXT,
ADD COLUMN     "pdfLogo" BYTEA,
ADD COLUMN     "pdfLogoType" TEXT;

-- CreateIndex
CREATE INDEX "Client_firmId_applicationDueOn_idx" ON "Client"("firmId", "applicationDueOn");
