import "server-only";
import type { FailureCounts } from "@/lib/auth/rate-limit";
import { prisma } from "../prisma";

/**
 * The rate limits' store (SignInAttempt rows keyed "account:…"/"address:…" for sign-in,
 * "reset-account:…"/"reset-address:…" for password resets): counted in the database so a limit
 * holds across several app instances.
 */

/** Attempts of one account key and one address key inside the window (failures only, or all). */
export async function countRecentAttempts(
  keys: { account: string; address: string },
  windowMinutes: number,
  now: Date,
  options: { failuresOnly: boolean },
): Promise<FailureCounts> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const rows = await prisma().$queryRaw<{ key: string; attempts: bigint; oldest: Date | null }[]>`
    SELECT "key", count(*) AS attempts, min("createdAt") AS oldest
    FROM "SignInAttempt"
    WHERE "key" = ANY(${[keys.account, keys.address]}) AND "createdAt" >= ${since}
      AND (NOT "success" OR NOT ${options.failuresOnly})
    GROUP BY "key"`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const oldest = rows.map((r) => r.oldest).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return { account: Number(byKey.get(keys.account)?.attempts ?? 0), address: Number(byKey.get(keys.address)?.attempts ?? 0), oldestFailureAt: oldest };
}

export async function recordAttempts(keys: { account: string; address: string }, success: boolean): Promise<void> {
  await prisma().signInAttempt.createMany({ data: [{ key: keys.account, success }, { key: keys.address, success }] });
}

/** Forgets an account's failed sign-ins (after its password was reset by its owner). */
export async function clearFailedAttempts(key: string): Promise<void> {
  await prisma().signInAttempt.deleteMany({ where: { key, success: false } });
}
