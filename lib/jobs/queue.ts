import PgBoss from "pg-boss";

/**
 * The job queue: pg-boss 10 in the app's own database (schema "pgboss"), so every app process
 * on one database shares one queue and nothing else needs running. pg-boss's cron is per
 * minute, but the feed is synced every DRAWS_SYNC_INTERVAL seconds (10 in tests): recurring work
 * is a chain instead — each run sends the next with `startAfter`. The chain's queues use the
 * "short" policy with one singletonKey: at most one run is queued whatever number of workers send
 * "the next one" (a worker killed mid-run leaves its job active until it expires; the next start
 * can still queue one, so the chain never stops).
 */

export const QUEUES = {
  sync: "draws.sync",
  match: "draw.match",
  deliver: "mail.deliver",
  tick: "mail.tick",
  webhook: "firm.webhook",
  crsChanges: "clients.next-crs-change",
  prune: "auth.prune",
} as const;

/** The retry policy pg-boss applies when a handler throws: 3 more tries, 5 s, 10 s, 20 s. */
export const RETRY = { retryLimit: 3, retryDelay: 5, retryBackoff: true } as const;

/**
 * A failed sync's retries: with backoff when the next scheduled sync is far (the default 15
 * minutes); with a short interval the next sync is the retry, so retrying too would only pile up.
 */
export function syncRetry(intervalSeconds: number): PgBoss.RetryOptions {
  return intervalSeconds >= 60 ? RETRY : { retryLimit: 0 };
}

/** Seconds between two feed syncs (DRAWS_SYNC_INTERVAL, default 900; at least 5). */
export function syncIntervalSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DRAWS_SYNC_INTERVAL?.trim();
  if (!raw) return 900;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 5) throw new Error(`DRAWS_SYNC_INTERVAL=${raw} is not a whole number of seconds (at least 5).`);
  return value;
}

/** Seconds between two sweeps of due mail and pending draw matches. */
export function tickIntervalSeconds(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.DRAWDESK_TICK_INTERVAL || 10);
  return Number.isInteger(value) && value >= 1 ? value : 10;
}

export async function startQueue(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: "drawdesk-worker" });
  boss.on("error", (error) => console.error(`jobs: ${error.message}`));
  await boss.start();
  await boss.createQueue(QUEUES.sync, { name: QUEUES.sync, policy: "short", expireInSeconds: 300, ...RETRY });
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: "short", expireInSeconds: 300 });
  // One queued match per firm and round ("short": a second send with the same key is dropped).
  await boss.createQueue(QUEUES.match, { name: QUEUES.match, policy: "short", ...RETRY });
  await boss.createQueue(QUEUES.deliver, { name: QUEUES.deliver, policy: "short" });
  await boss.createQueue(QUEUES.webhook, { name: QUEUES.webhook, policy: "short" });
  await boss.createQueue(QUEUES.crsChanges, { name: QUEUES.crsChanges, policy: "short", expireInSeconds: 900 });
  await boss.createQueue(QUEUES.prune, { name: QUEUES.prune, policy: "short", expireInSeconds: 900 });
  return boss;
}

/** Queues the next link of a chain (see the file comment): a no-op when one is already queued. */
export async function sendNext(boss: PgBoss, queue: string, afterSeconds: number, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return boss.send(queue, {}, { singletonKey: queue, startAfter: afterSeconds, ...options });
}

/**
 * A recurring job as a chain: registers `run` on `queue`, each run queueing the next after
 * `everySeconds`, and queues one run now — once per time slot, so workers starting together run it once.
 */
export async function startChain(boss: PgBoss, queue: string, everySeconds: number, polling: { pollingIntervalSeconds: number }, run: () => Promise<unknown>): Promise<void> {
  await boss.work(queue, polling, async () => {
    try {
      await run();
    } finally {
      await sendNext(boss, queue, everySeconds);
    }
  });
  const slot = Math.floor(Date.now() / 1000 / everySeconds);
  await boss.send(queue, {}, { singletonKey: `${queue}:start:${slot}` });
  await sendNext(boss, queue, everySeconds);
}

export type { PgBoss };
