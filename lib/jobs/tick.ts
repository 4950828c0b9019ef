import { pruneStoredRounds, unfinishedDrawMatches } from "@/lib/db/draws/results-store";
import { deliverMail, dueMailIds } from "@/lib/db/mail";
import { sendDrawMatch } from "./draw-match";
import type { PgBoss } from "./queue";

/**
 * The "mail.tick" job, every few seconds: delivers what is due in the outbox (digests, and the
 * invitation and password-reset mails the web app queued; retries after backoff) and re-sends the
 * match of any round recorded but not yet notified — a round imported from the command line while
 * no worker ran, or a match whose worker died — and recomputes stored rounds marked stale, and
 * drops the stored results of old rounds nobody opened lately (pruneStoredRounds).
 */
export async function runTick(boss: PgBoss): Promise<void> {
  for (const match of await unfinishedDrawMatches()) await sendDrawMatch(boss, match);
  await pruneStoredRounds();
  for (const id of await dueMailIds(100)) {
    const result = await deliverMail(id);
    if (result === "retry" || result === "failed") console.warn(`mail: message ${id}: ${result}`);
  }
}
