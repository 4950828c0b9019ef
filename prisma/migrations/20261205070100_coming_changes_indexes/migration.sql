-- Coming CRS changes (lib/db/dashboard/coming-changes.ts): per kind, the candidates (stored next
-- change, statuses that matter, readable factors) with the dates, names and team the widget counts
-- and sorts, so it reads no client rows but the few it lists.
CREATE INDEX "Client_coming_birthdays_idx" ON "Client"("firmId", "nextCrsChangeOn") INCLUDE ("id", "teamId", "dateOfBirth", "lastName", "firstName") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect', 'profile_active') AND jsonb_typeof("crsFactors") = 'object' AND "dateOfBirth" IS NOT NULL;

CREATE INDEX "Client_coming_work_anniversaries_idx" ON "Client"("firmId", "nextCrsChangeOn") INCLUDE ("id", "teamId", "canadianWorkStartedOn", "lastName", "firstName") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect', 'profile_active') AND jsonb_typeof("crsFactors") = 'object' AND "canadianWorkStartedOn" IS NOT NULL AND (CASE WHEN jsonb_typeof("crsFactors"->'canadianWorkYears') = 'number' THEN ("crsFactors"->>'canadianWorkYears')::numeric END) < 5;
