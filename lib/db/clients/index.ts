// The clients' public data API, one job per file; `@/lib/db/clients` imports resolve here.
// Files in this folder import each other directly, never through this barrel (no import cycles).
// The CSV import (import.ts), the bulk insert (bulk.ts), the ITA steps (ita.ts) and the documents at
// risk (documents-at-risk.ts) are imported by their own paths: most callers of this barrel need none.
export type { LatestCutoff, RosterDeadline, RosterPage, RosterRow } from "./roster-types";
export { DuplicateClientError } from "./errors";
export { type ClientDetail, type ScoreHistoryEntry, clientDetailToInput, getClient, getClientScoreHistory } from "./find";
export { type TeamClientCount, clientCountsByTeam, listClients } from "./list";
export { createClient } from "./create";
export { updateClient } from "./update";
export { archiveClient, unarchiveClient } from "./archive";
export { type DeletedClient, RESTORE_WINDOW_DAYS, deleteClient, listDeletedClients, restoreClient } from "./delete";
export { crsChangesAsOf, refreshDueNextCrsChanges } from "./next-crs-change";
