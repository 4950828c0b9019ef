-- Each kind's next CRS change stored on the client (lib/crs/next-change.ts nextCrsChanges): the
-- dashboard's coming changes count a kind's events and list the first few by reading one index
-- range in order, instead of computing the anniversary of every candidate (about 200,000 date
-- computations for a firm of a million clients).
ALTER TABLE "Client" ADD COLUMN "nextBirthdayChangeOn" DATE, ADD COLUMN "nextWorkAnniversaryOn" DATE;

DROP INDEX IF EXISTS "Client_coming_birthdays_idx";
DROP INDEX IF EXISTS "Client_coming_work_anniversaries_idx";

-- Per kind: the live clients in the statuses that matter, in the widget's order (date, name, id),
-- with the team for a team filter, so counting and listing read no client rows but the few listed.
CREATE INDEX "Client_coming_birthdays_idx" ON "Client"("firmId", "nextBirthdayChangeOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect', 'profile_active') AND "nextBirthdayChangeOn" IS NOT NULL;
CREATE INDEX "Client_coming_work_anniversaries_idx" ON "Client"("firmId", "nextWorkAnniversaryOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect', 'profile_active') AND "nextWorkAnniversaryOn" IS NOT NULL;

-- The rule lives in one place (TypeScript): existing clients that may have a change coming are
-- marked due (yesterday, so in every firm's zone), and the refresh job — run when the worker
-- starts, then hourly — stores both dates. Until it has run, coming changes lists none of them.
UPDATE "Client" SET "nextCrsChangeOn" = CURRENT_DATE - 1 WHERE jsonb_typeof("crsFactors") = 'object' AND ("dateOfBirth" IS NOT NULL OR "canadianWorkStartedOn" IS NOT NULL);
