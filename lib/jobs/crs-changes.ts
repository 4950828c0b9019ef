import { refreshDueNextCrsChanges } from "@/lib/db/clients";
import { QUEUES, startChain, type PgBoss } from "./queue";

/**
 * The "clients.next-crs-change" job: recomputes the stored next CRS change of the clients whose
 * day has come (lib/db/clients/next-crs-change.ts). Hourly rather than once at midnight: each
 * firm's day starts at its own midnight, and a run with nothing due is one index probe per firm.
 * The dashboard stays right between runs (a passed date still counts as a candidate); the job keeps
 * the candidates few. Run once at worker start too, which also fills what the migration marked.
 */
export const CRS_CHANGES_EVERY_SECONDS = 3_600;

export async function runCrsChangesRefresh(now: Date = new Date()): Promise<number> {
  const updated = await refreshDueNextCrsChanges(now);
  if (updated > 0) console.log(`clients: next CRS change refreshed for ${updated} client${updated === 1 ? "" : "s"}`);
  return updated;
}

/** Registers the handler (a chain, like the feed sync: each run queues the next) and queues a run now. */
export function startCrsChangesChain(boss: PgBoss, polling: { pollingIntervalSeconds: number }): Promise<void> {
  return startChain(boss, QUEUES.crsChanges, CRS_CHANGES_EVERY_SECONDS, polling, () => runCrsChangesRefresh());
}
