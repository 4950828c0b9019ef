import { refreshDueNextCrsChanges } from "@/lib/db/clients";
import { QUEUES, sendNext, type PgBoss } from "./queue";

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
export async function startCrsChangesChain(boss: PgBoss, polling: { pollingIntervalSeconds: number }): Promise<void> {
  await boss.work(QUEUES.crsChanges, polling, async () => {
    try {
      await runCrsChangesRefresh();
    } finally {
      await sendNext(boss, QUEUES.crsChanges, CRS_CHANGES_EVERY_SECONDS);
    }
  });
  const slot = Math.floor(Date.now() / 1000 / CRS_CHANGES_EVERY_SECONDS);
  await boss.send(QUEUES.crsChanges, {}, { singletonKey: `${QUEUES.crsChanges}:start:${slot}` });
  await sendNext(boss, QUEUES.crsChanges, CRS_CHANGES_EVERY_SECONDS);
}
