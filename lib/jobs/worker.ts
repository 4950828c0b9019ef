import { startCrsChangesChain } from "./crs-changes";
import { startAuthPruneChain } from "./prune";
import { runDrawMatch, type DrawMatchJob } from "./draw-match";
import { syncDrawsFeed } from "./draws-sync";
import { runMailDeliver } from "./mail-deliver";
import { QUEUES, sendNext, startQueue, syncIntervalSeconds, syncRetry, tickIntervalSeconds, type PgBoss } from "./queue";
import { runTick } from "./tick";
import { deliverFirmWebhook, WEBHOOK_RETRY, type WebhookJob } from "./webhook";

/**
 * The draw-day worker: syncs the feed every DRAWS_SYNC_INTERVAL seconds, matches every firm
 * against each new round, queues the digests, delivers mail, and keeps each client's stored next
 * CRS change current (crs-changes.ts) and prunes sign-in attempts and ended sessions (prune.ts). Any number of workers may run on
 * one database (see queue.ts): each job runs once.
 */
export async function startWorker(databaseUrl: string, env: Record<string, string | undefined> = process.env): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const syncEvery = syncIntervalSeconds(env);
  const tickEvery = tickIntervalSeconds(env);
  const retry = syncRetry(syncEvery);
  const boss = await startQueue(databaseUrl);
  const polling = { pollingIntervalSeconds: 1 };

  await boss.work(QUEUES.sync, polling, async ([job]) => {
    try {
      const summary = await syncDrawsFeed();
      console.log(`draws: synced, ${summary.added.length} added, ${summary.updated.length} updated`);
    } catch (error) {
      console.error(`draws: sync failed: ${(error as Error).message}`);
      throw error; // pg-boss retries with backoff (see syncRetry)
    } finally {
      // The chain goes on whatever happened (a retry of this job will not queue a second one).
      if (job) await sendNext(boss, QUEUES.sync, syncEvery, retry);
    }
  });
  await boss.work(QUEUES.tick, polling, async () => {
    try {
      await runTick(boss);
    } finally {
      await sendNext(boss, QUEUES.tick, tickEvery);
    }
  });
  await boss.work<DrawMatchJob>(QUEUES.match, polling, async (jobs) => {
    for (const job of jobs) await runDrawMatch(boss, job.data);
  });
  await boss.work<{ id: string }>(QUEUES.deliver, polling, async (jobs) => {
    for (const job of jobs) await runMailDeliver(job.data);
  });

  await boss.work<WebhookJob>(QUEUES.webhook, { ...polling, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await deliverFirmWebhook(job.data, { lastTry: job.retryCount >= WEBHOOK_RETRY.retryLimit });
  });

  // A sync at start, even when the chain's next is queued for later: one per time slot, so
  // workers starting together sync once. Then the chains (no-ops when already queued).
  const slot = Math.floor(Date.now() / 1000 / syncEvery);
  await boss.send(QUEUES.sync, {}, { singletonKey: `${QUEUES.sync}:start:${slot}`, ...retry });
  await sendNext(boss, QUEUES.sync, syncEvery, retry);
  await sendNext(boss, QUEUES.tick, 0);
  await startCrsChangesChain(boss, polling);
  await startAuthPruneChain(boss, polling);
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
