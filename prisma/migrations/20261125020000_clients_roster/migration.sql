-- Client roster (issue 4): indexes for the roster's single-statement page query
-- (lib/db/clients-roster.ts), measured on 100,000 clients of one firm. No schema change.

-- Hand-written below: what Prisma's schema language cannot express (partial, covering, expression
-- and NULLS LAST indexes). `npm run db:migrate` keeps these out of generated migrations.

-- Counts of the default view (live, not archived) and of a consultant's teams, index-only:
-- 10 ms instead of a 60–90 ms pass over the ~1 KB table rows (crsFactors alone is ~550 bytes).
CREATE INDEX "Client_live_team_idx" ON "Client" ("firmId", "teamId")
  WHERE "deletedAt" IS NULL AND "archivedAt" IS NULL;

-- The roster's narrow copy of every column its filters, counts, sorts and short searches read,
-- so those scan ~25 MB of index (index-only) instead of ~95 MB of table rows.
CREATE INDEX "Client_roster_filter_idx" ON "Client" ("firmId", "status", "crs")
  INCLUDE ("id", "teamId", "consultantId", "archivedAt", "programs", "categories", "nominationProvince",
    "lastName", "firstName", "email", "profileNumber", "profileSubmittedAt", "profileExpiresOn", "updatedAt")
  WHERE "deletedAt" IS NULL;

-- Highest scores first with the unscored last: ("firmId", "crs", "id") read backwards puts NULLs first.
CREATE INDEX "Client_firmId_crs_desc_idx" ON "Client" ("firmId", "crs" DESC NULLS LAST, "id" DESC);

-- "Expiring within N days": the earliest of the five deadlines, as the roster filter writes it.
CREATE INDEX "Client_next_deadline_idx" ON "Client"
  ("firmId", LEAST("profileExpiresOn", "languageTestExpiresOn", "ecaExpiresOn", "workPermitExpiresOn", "passportExpiresOn"))
  WHERE "deletedAt" IS NULL;
