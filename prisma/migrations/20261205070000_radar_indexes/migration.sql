-- The expiry radar by design (lib/db/dashboard/radar.ts): one partial index per deadline kind,
-- holding only the clients that deadline matters for (its statuses, not archived or deleted), keyed
-- in the radar's own list order and covering the team, so each band is counted and its most urgent
-- clients found by index-only range reads instead of unpivoting every client's six dates.

CREATE INDEX "Client_radar_profileExpiresOn_idx" ON "Client"("firmId", "profileExpiresOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('profile_active') AND "profileExpiresOn" IS NOT NULL;

CREATE INDEX "Client_radar_applicationDueOn_idx" ON "Client"("firmId", "applicationDueOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('ita_received') AND "applicationDueOn" IS NOT NULL;

CREATE INDEX "Client_radar_languageTestExpiresOn_idx" ON "Client"("firmId", "languageTestExpiresOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect','profile_active','ita_received') AND "languageTestExpiresOn" IS NOT NULL;

CREATE INDEX "Client_radar_ecaExpiresOn_idx" ON "Client"("firmId", "ecaExpiresOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect','profile_active','ita_received') AND "ecaExpiresOn" IS NOT NULL;

CREATE INDEX "Client_radar_workPermitExpiresOn_idx" ON "Client"("firmId", "workPermitExpiresOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect','profile_active','ita_received','application_submitted') AND "workPermitExpiresOn" IS NOT NULL;

CREATE INDEX "Client_radar_passportExpiresOn_idx" ON "Client"("firmId", "passportExpiresOn", "lastName", "firstName", "id") INCLUDE ("teamId") WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('prospect','profile_active','ita_received','application_submitted') AND "passportExpiresOn" IS NOT NULL;
