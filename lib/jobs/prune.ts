import { pruneEndedSessions } from "@/lib/db/users/sessions";
import { pruneSignInAttempts } from "@/lib/db/users/sign-in";
import { QUEUES, startChain, type PgBoss } from "./queue";

/**
 * The "auth.prune" job: forgets sign-in attempts that no longer count towards any rate limit
 * and the records of sessions that ended a month ago, so neither table grows with every sign-in
 * for ever. Hourly: each run deletes only what aged out since the last.
 */
export const PRUNE_EVERY_SECONDS = 3_600;

export async function runAuthPrune(now: Date = new Date()): Promise<{ attempts: number; sessions: number }> {
  const attempts = await pruneSignInAttempts(now);
  const sessions = await pruneEndedSessions(now);
  if (attempts + sessions > 0) console.log(`auth: pruned ${attempts} sign-in attempt${attempts === 1 ? "" : "s"} and ${sessions} ended session${sessions === 1 ? "" : "s"}`);
  return { attempts, sessions };
}

export function startAuthPruneChain(boss: PgBoss, polling: { pollingIntervalSeconds: number }): Promise<void> {
  return startChain(boss, QUEUES.prune, PRUNE_EVERY_SECONDS, polling, () => runAuthPrune());
}
