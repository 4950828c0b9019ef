/**
 * The draw ledger: IRCC's rounds, shared reference data. No firm scope (every firm sees the same
 * draws), but only signed-in callers reach these functions.
 */
// The draw ledger's read API; `@/lib/db/draws` imports resolve here. Files in this folder import
// each other directly, never through this barrel. admin.ts, kind-mapping.ts and sync-status.ts are
// imported by their own paths: admin.ts reaches the draw-impact code, which reads this barrel, so
// re-exporting it here would be an import cycle. So are the feed import (import.ts), the kinds'
// reference data (kinds.ts), the pool's movement (pool-movement.ts) and the impact and results files.
export { drawInstantSql, drawOrderRowSql, drawOrderSql } from "./order-sql";
export { type DrawDetail, type DrawRecord, type DrawRow, toDrawRecord } from "./record";
export { DRAW_SORTS, type DrawSort, type DrawsPage, type ListDrawsOptions, MAX_DRAWS_PAGE_SIZE, listDraws } from "./ledger";
export { type LatestOfKind, drawKindsPresent, getDraw, latestDraw, latestDrawsPerKind, previousDrawOfKind } from "./find";
