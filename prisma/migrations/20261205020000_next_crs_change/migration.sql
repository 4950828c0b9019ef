-- The day a client's CRS next changes by time alone (lib/crs/next-change.ts), read by the
-- dashboard's coming changes through an index instead of computing every client's anniversaries.
ALTER TABLE "Client" ADD COLUMN "nextCrsChangeOn" DATE;

CREATE INDEX "Client_firmId_nextCrsChangeOn_idx" ON "Client"("firmId", "nextCrsChangeOn");

-- The expiry radar's first test: the client's earliest deadline (lib/db/dashboard/radar.ts states
-- the same LEAST, in DEADLINE_KINDS order, so the planner matches it to this index).
CREATE INDEX "Client_firmId_next_deadline_idx" ON "Client"("firmId", LEAST("profileExpiresOn", "applicationDueOn", "languageTestExpiresOn", "ecaExpiresOn", "workPermitExpiresOn", "passportExpiresOn"));

-- Existing clients that may have a change coming are marked as due today: the rule lives in one
-- place (TypeScript), and the daily job (lib/jobs/crs-changes.ts, also run when the worker starts)
-- computes their dates. Until then the dashboard reads them as candidates, so its lists are exact.
UPDATE "Client" SET "nextCrsChangeOn" = CURRENT_DATE WHERE jsonb_typeof("crsFactors") = 'object' AND ("dateOfBirth" IS NOT NULL OR "canadianWorkStartedOn" IS NOT NULL);
