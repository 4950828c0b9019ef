-- The columns a listed client shows (name, profile number, team, consultant, status, profile
-- submitted) and the scope tests (deletedAt, team), beside the key: the draw page, the draw watch
-- and the exports look up thousands of clients by id, and an index-only lookup reads this narrow
-- index instead of one wide client row per listed client (300k clients: 9,900 of 10,000 buffers
-- were such rows, read from disk).
CREATE INDEX "Client_firmId_id_listed_idx" ON "Client"("firmId", "id") INCLUDE ("firstName", "lastName", "profileNumber", "teamId", "consultantId", "status", "profileSubmittedAt", "deletedAt");
