-- AlterTable
ALTER TABLE "DrawResult" ADD COLUMN     "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tieBreak" TEXT NOT NULL DEFAULT 'not_applicable';

-- CreateIndex
CREATE INDEX "DrawResult_firmId_clientId_idx" ON "DrawResult"("firmId", "clientId");

-- CreateIndex
CREATE INDEX "DrawResult_firmId_drawNumber_status_margin_idx" ON "DrawResult"("firmId", "drawNumber", "status", "margin" DESC);
