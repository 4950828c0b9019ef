-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'consultant', 'viewer');

-- CreateEnum
CREATE TYPE "ClientStatus" AS ENUM ('prospect', 'profile_active', 'ita_received', 'application_submitted', 'landed', 'withdrawn', 'closed');

-- CreateTable
CREATE TABLE "Firm" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Toronto',
    "nearMissMargin" INTEGER NOT NULL DEFAULT 10,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Firm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "User" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "licenceNumber" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "firmId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("firmId","teamId","userId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "teamIds" UUID[],
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "firmId" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "userId" UUID,
    "userEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "changes" JSONB,
    "metadata" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "Client" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "consultantId" UUID,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "dateOfBirth" DATE,
    "citizenship" TEXT,
    "status" "ClientStatus" NOT NULL DEFAULT 'profile_active',
    "profileNumber" TEXT,
    "profileSubmittedAt" TIMESTAMPTZ(3),
    "profileExpiresOn" DATE,
    "profileExpiryOverride" BOOLEAN NOT NULL DEFAULT false,
    "programs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nominationProvince" TEXT,
    "nominatedOn" DATE,
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "crs" INTEGER,
    "crsEffectiveAt" TIMESTAMPTZ(3),
    "crsFactors" JSONB,
    "invitedAt" TIMESTAMPTZ(3),
    "canadianWorkStartedOn" DATE,
    "languageTestType" TEXT,
    "languageTestDate" DATE,
    "languageResults" JSONB,
    "languageTestExpiresOn" DATE,
    "ecaIssuer" TEXT,
    "ecaIssuedOn" DATE,
    "ecaExpiresOn" DATE,
    "workPermitExpiresOn" DATE,
    "passportExpiresOn" DATE,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "CrsScore" (
    "firmId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "crs" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrsScore_pkey" PRIMARY KEY ("firmId","id")
);

-- CreateTable
CREATE TABLE "Draw" (
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "drawnAt" TIMESTAMPTZ(3),
    "tieBreakAt" TIMESTAMPTZ(3),
    "size" INTEGER NOT NULL,
    "cutoff" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "categoryVersion" TEXT,
    "programs" TEXT[],
    "distributionAsOf" DATE,
    "distribution" JSONB,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Draw_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "DrawImport" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "importedBy" TEXT,
    "added" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "warnings" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrawImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Firm_slug_key" ON "Firm"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Team_firmId_name_key" ON "Team"("firmId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "TeamMembership_firmId_userId_idx" ON "TeamMembership"("firmId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_firmId_email_idx" ON "Invitation"("firmId", "email");

-- CreateIndex
CREATE INDEX "SignInAttempt_key_createdAt_idx" ON "SignInAttempt"("key", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_firmId_createdAt_idx" ON "AuditLog"("firmId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_firmId_entityType_entityId_idx" ON "AuditLog"("firmId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_firmId_action_createdAt_idx" ON "AuditLog"("firmId", "action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Client_firmId_teamId_idx" ON "Client"("firmId", "teamId");

-- CreateIndex
CREATE INDEX "Client_firmId_consultantId_idx" ON "Client"("firmId", "consultantId");

-- CreateIndex
CREATE INDEX "Client_firmId_lastName_firstName_id_idx" ON "Client"("firmId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Client_firmId_crs_id_idx" ON "Client"("firmId", "crs", "id");

-- CreateIndex
CREATE INDEX "Client_firmId_status_idx" ON "Client"("firmId", "status");

-- CreateIndex
CREATE INDEX "Client_firmId_profileExpiresOn_idx" ON "Client"("firmId", "profileExpiresOn");

-- CreateIndex
CREATE INDEX "Client_firmId_profileSubmittedAt_idx" ON "Client"("firmId", "profileSubmittedAt");

-- CreateIndex
CREATE INDEX "CrsScore_firmId_clientId_effectiveAt_idx" ON "CrsScore"("firmId", "clientId", "effectiveAt" DESC);

-- CreateIndex
CREATE INDEX "Draw_kind_date_idx" ON "Draw"("kind", "date" DESC);

-- CreateIndex
CREATE INDEX "Draw_date_idx" ON "Draw"("date" DESC);

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_firmId_teamId_fkey" FOREIGN KEY ("firmId", "teamId") REFERENCES "Team"("firmId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_firmId_userId_fkey" FOREIGN KEY ("firmId", "userId") REFERENCES "User"("firmId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_firmId_teamId_fkey" FOREIGN KEY ("firmId", "teamId") REFERENCES "Team"("firmId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_firmId_consultantId_fkey" FOREIGN KEY ("firmId", "consultantId") REFERENCES "User"("firmId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrsScore" ADD CONSTRAINT "CrsScore_firmId_clientId_fkey" FOREIGN KEY ("firmId", "clientId") REFERENCES "Client"("firmId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: what Prisma's schema language cannot express. `npm run db:migrate` keeps
-- these out of generated migrations (see scripts/db-migrate.ts).

-- Trigram search over name, email and profile number (the roster's search box).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Client_search_trgm_idx" ON "Client"
  USING gin ((lower("firstName" || ' ' || "lastName" || ' ' || coalesce("email", '') || ' ' || coalesce("profileNumber", ''))) gin_trgm_ops);

-- Duplicates are judged among live clients of a firm only: a deleted client's profile number or
-- email may come back.
CREATE UNIQUE INDEX "Client_firm_profileNumber_live_key" ON "Client" ("firmId", "profileNumber")
  WHERE "deletedAt" IS NULL AND "profileNumber" IS NOT NULL;
CREATE UNIQUE INDEX "Client_firm_email_live_key" ON "Client" ("firmId", lower("email"))
  WHERE "deletedAt" IS NULL AND "email" IS NOT NULL;

-- Emails are compared case-insensitively at sign-in.
CREATE UNIQUE INDEX "User_email_lower_key" ON "User" (lower("email"));
