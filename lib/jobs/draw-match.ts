import { queueDrawDigests } from "@/lib/db/notifications";
import { computeDrawMatch, markDrawMatchNotified, matchOwesDigests } from "@/lib/db/draws/results-store";
import { QUEUES, type PgBoss } from "./queue";
import { queueFirmWebhook } from "./webhook";

export interface DrawMatchJob {
  firmId: string;
  drawNumber: string;
}

/** One job per firm and round; the DrawMatch row and the outbox keys make a repeat harmless. */
export function sendDrawMatch(boss: PgBoss, job: DrawMatchJob): Promise<string | null> {
  return boss.send(QUEUES.match, job, { singletonKey: `${job.firmId}:${job.drawNumber}` });
}

/**
 * The "draw.match" job: store the firm's result for the round, queue each user's digest and
 * notification, then hand every new message to "mail.deliver" and the counts to the firm's webhook.
 * A stored round whose results were marked stale (margin changed, round re-classified) is only
 * recomputed: its digests were sent, or never owed.
 */
export async function runDrawMatch(boss: PgBoss, { firmId, drawNumber }: DrawMatchJob): Promise<void> {
  const counts = await computeDrawMatch(firmId, drawNumber);
  if (!(await matchOwesDigests(firmId, drawNumber))) return;
  const { queued } = await queueDrawDigests(firmId, drawNumber);
  for (const id of queued) await boss.send(QUEUES.deliver, { id }, { singletonKey: id });
  await queueFirmWebhook(boss, { firmId, drawNumber });
  // Last: until then the tick's sweep sends this match again (a worker that died half-way).
  await markDrawMatchNotified(firmId, drawNumber);
  console.log(`draw day: round #${drawNumber}, firm ${firmId}: ${counts.above} above (${counts.newlyAbove} newly), ${counts.nearMiss} near; ${queued.length} digests queued`);
}
