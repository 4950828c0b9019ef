-- AlterTable
ALTER TABLE "Firm" ADD COLUMN     "notifyKinds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestNearMisses" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "DrawSyncStatus" (
    "id" TEXT NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "lastRoundsAdded" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT,

    CONSTRAINT "DrawSyncStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawMatch" (
    "firmId" UUID NOT NULL,
    "drawNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "computedAt" TIMESTAMPTZ(3),
    "notifiedAt" TIMESTAMPTZ(3),
    "above" INTEGER NOT NULL DEFAULT 0,
    "newlyAbove" INTEGER NOT NULL DEFAULT 0,
    "nearMiss" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrawMatch_pkey" PRIMARY KEY ("firmId","drawNumber")
);

-- CreateTable
CREATE TABLE "DrawResult" (
    "firmId" UUID NOT NULL,
    "drawNumber" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "consultantId" UUID,
    "crs" INTEGER NOT NULL,
    "margin" INTEGER NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "DrawResult_pkey" PRIMARY KEY ("firmId","drawNumber","clientId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "drawNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateIndex
CREATE INDEX "DrawMatch_status_idx" ON "DrawMatch"("status");

-- CreateIndex
CREATE INDEX "DrawResult_firmId_drawNumber_teamId_idx" ON "DrawResult"("firmId", "drawNumber", "teamId");

-- CreateIndex
CREATE INDEX "Notification_firmId_userId_createdAt_idx" ON "Notification"("firmId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_firmId_userId_drawNumber_key" ON "Notification"("firmId", "userId", "drawNumber");
