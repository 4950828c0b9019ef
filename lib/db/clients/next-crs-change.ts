import "server-only";
import { nextCrsChangeOn, type NextCrsChangeFacts } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { prisma } from "../prisma";

/**
 * The stored "next CRS change" (Client.nextCrsChangeOn, rule in lib/crs/next-change.ts): computed
 * on every save from the client's facts as of today in the firm's zone, and refreshed daily for
 * the rows whose day has come (refreshDueNextCrsChanges, run by lib/jobs/crs-changes.ts).
 */

/**
 * The next change as of `today` (the firm's date: todayIn once per save or batch, not per row — it
 * costs ~80 µs); a fact that cannot be read stores none.
 */
export function nextCrsChangeAsOf(facts: NextCrsChangeFacts, today: CalendarDate): CalendarDate | null {
  try {
    return nextCrsChangeOn(facts, today);
  } catch {
    return null;
  }
}

/** Rows read and written per statement: small enough to keep each transaction short. */
const BATCH = 5_000;

interface DueRow {
  id: string;
  dateOfBirth: string | null;
  canadianWorkStartedOn: string | null;
  crsFactors: unknown;
}

/**
 * Recomputes the stored next change of every client whose day is today or past (in its firm's
 * zone), firm by firm, in batches: read the due rows' facts, apply the rule, write them back in one
 * UPDATE … FROM unnest. Idempotent: a second run the same day finds nothing due (every new date is
 * after today). Returns how many clients were updated.
 */
export async function refreshDueNextCrsChanges(now: Date = new Date(), options: { firmId?: string } = {}): Promise<number> {
  const firms = await prisma().firm.findMany({ where: options.firmId ? { id: options.firmId } : {}, select: { id: true, timeZone: true } });
  let updated = 0;
  for (const firm of firms) {
    const today = todayIn(firm.timeZone, now);
    for (;;) {
      const due = await prisma().$queryRawUnsafe<DueRow[]>(
        `SELECT c."id", to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", to_char(c."canadianWorkStartedOn", 'YYYY-MM-DD') AS "canadianWorkStartedOn", c."crsFactors"
         FROM "Client" c WHERE c."firmId" = $1::uuid AND c."nextCrsChangeOn" <= $2::date
         ORDER BY c."nextCrsChangeOn", c."id" LIMIT ${BATCH}`,
        firm.id,
        today,
      );
      if (due.length === 0) break;
      const next = due.map((row) => nextCrsChangeAsOf(row, today));
      updated += await prisma().$executeRawUnsafe(
        `UPDATE "Client" c SET "nextCrsChangeOn" = u.next
         FROM unnest($2::uuid[], $3::date[]) AS u(id, next)
         WHERE c."firmId" = $1::uuid AND c."id" = u.id`,
        firm.id,
        due.map((row) => row.id),
        next,
      );
      // Every new date is after today (or none), so the next read moves on; a short batch was the last.
      if (due.length < BATCH) break;
    }
  }
  return updated;
}
