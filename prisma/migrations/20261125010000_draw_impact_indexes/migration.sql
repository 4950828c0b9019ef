-- Draw impact (lib/db/draw-impact.ts) reads the score in effect at a draw for every client in one
-- ordered pass over the firm's score history (DISTINCT ON clientId, newest effectiveAt first).
-- With "crs" in the index that pass never visits the table (index-only scan): at 100,000 clients
-- and 117,000 scores, 91–109 ms instead of 253–312 ms on the same machine. The per-client lookups
-- (previous draw, client page) use the same index. It starts with the old index's columns, in the
-- same order, so it replaces it.
-- schema.prisma: @@index([firmId, clientId, effectiveAt(sort: Desc), crs]) instead of
-- @@index([firmId, clientId, effectiveAt(sort: Desc)]).
DROP INDEX "CrsScore_firmId_clientId_effectiveAt_idx";

CREATE INDEX "CrsScore_firmId_clientId_effectiveAt_crs_idx" ON "CrsScore"("firmId", "clientId", "effectiveAt" DESC, "crs");
