/**
 * The dashboard's and the ledger's aggregates over the caller's clients, one widget a file in
 * ./dashboard/: every function takes the Scope first, and each widget is one set-based query
 * whatever the size of the firm. This module keeps `@/lib/db/dashboard` their one import path.
 */
export { drawWatch, WATCH_DAYS, withLatest, type DrawWatch, type KindWatch, type WatchedClient, type WatchedDraw } from "./draw-watch";
export type { DashboardOptions } from "./options";
export * from "./coming-changes";
export * from "./cutoffs";
export * from "./pool";
export * from "./radar";
