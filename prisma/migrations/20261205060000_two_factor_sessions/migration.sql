-- AlterTable
ALTER TABLE "Firm" ADD COLUMN     "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpLastTimeStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "userAgent" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateIndex
CREATE INDEX "RecoveryCode_firmId_userId_idx" ON "RecoveryCode"("firmId", "userId");

-- CreateIndex
CREATE INDEX "UserSession_firmId_userId_lastSeenAt_idx" ON "UserSession"("firmId", "userId", "lastSeenAt" DESC);

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_firmId_userId_fkey" FOREIGN KEY ("firmId", "userId") REFERENCES "User"("firmId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_firmId_userId_fkey" FOREIGN KEY ("firmId", "userId") REFERENCES "User"("firmId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
