import "server-only";
import { earliestCrsChange, nextCrsChanges, type NextCrsChangeFacts } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { prisma } from "../prisma";
import { dateValue } from "./shared";

/**
 * The stored coming CRS changes (rule in lib/crs/next-change.ts): each kind's next date
 * (Client.nextBirthdayChangeOn, Client.nextWorkAnniversaryOn), which the dashboard's coming changes
 * read by index range, and the earliest of them (Client.nextCrsChangeOn), which marks the row due
 * for a refresh. Computed on every save from the client's facts as of today in the firm's zone,
 * and refreshed for the rows whose day has come (refreshDueNextCrsChanges, run hourly by
 * lib/jobs/crs-changes.ts).
 */
export interface StoredCrsChanges {
  nextCrsChangeOn: CalendarDate | null;
  nextBirthdayChangeOn: CalendarDate | null;
  nextWorkAnniversaryOn: CalendarDate | null;
}

const NONE: StoredCrsChanges = { nextCrsChangeOn: null, nextBirthdayChangeOn: null, nextWorkAnniversaryOn: null };

/**
 * The stored changes as of `today` (the firm's date: todayIn once per save or batch, not per row —
 * it costs ~80 µs); a fact that cannot be read stores none.
 */
export function crsChangesAsOf(facts: NextCrsChangeFacts, today: CalendarDate): StoredCrsChanges {
  try {
    const changes = nextCrsChanges(facts, today);
    return { nextCrsChangeOn: earliestCrsChange(changes), nextBirthdayChangeOn: changes.birthday, nextWorkAnniversaryOn: changes.workAnniversary };
  } catch {
    return NONE;
  }
}

/** The stored changes as Prisma writes date columns. */
export function storedCrsChanges(changes: StoredCrsChanges): { nextCrsChangeOn: Date | null; nextBirthdayChangeOn: Date | null; nextWorkAnniversaryOn: Date | null } {
  return { nextCrsChangeOn: dateValue(changes.nextCrsChangeOn), nextBirthdayChangeOn: dateValue(changes.nextBirthdayChangeOn), nextWorkAnniversaryOn: dateValue(changes.nextWorkAnniversaryOn) };
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
 * The UPDATE writing rows' stored changes, and its parameters: the refresh below and the
 * benchmark's backfill (scripts/bench/next-crs-backfill.ts) run the same statement.
 */
export const STORE_CRS_CHANGES_SQL = `UPDATE "Client" c SET "nextCrsChangeOn" = u.next, "nextBirthdayChangeOn" = u.birthday, "nextWorkAnniversaryOn" = u.anniversary
  FROM unnest($2::uuid[], $3::date[], $4::date[], $5::date[]) AS u(id, next, birthday, anniversary)
  WHERE c."firmId" = $1::uuid AND c."id" = u.id`;

export function storeCrsChangesParams(firmId: string, rows: readonly (NextCrsChangeFacts & { id: string })[], today: CalendarDate): unknown[] {
  const changes = rows.map((row) => crsChangesAsOf(row, today));
  return [
    firmId,
    rows.map((row) => row.id),
    changes.map((c) => c.nextCrsChangeOn),
    changes.map((c) => c.nextBirthdayChangeOn),
    changes.map((c) => c.nextWorkAnniversaryOn),
  ];
}

/**
 * Recomputes the stored changes of one firm's clients whose earliest change is today or past (in
 * the firm's zone), in batches: read the due rows' facts, apply the rule, write them back in one
 * UPDATE … FROM unnest. Idempotent: a second run the same day finds nothing due (every new date is
 * after today). `maxBatches` bounds the work (the dashboard's view runs one). Returns how many
 * clients were updated.
 */
export async function refreshFirmCrsChanges(firm: { id: string; timeZone: string }, now: Date, options: { maxBatches?: number } = {}): Promise<number> {
  const today = todayIn(firm.timeZone, now);
  let updated = 0;
  for (let batch = 1; ; batch++) {
    const due = await prisma().$queryRawUnsafe<DueRow[]>(
      `SELECT c."id", to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", to_char(c."canadianWorkStartedOn", 'YYYY-MM-DD') AS "canadianWorkStartedOn", c."crsFactors"
       FROM "Client" c WHERE c."firmId" = $1::uuid AND c."nextCrsChangeOn" <= $2::date
       LIMIT ${BATCH}`,
      firm.id,
      today,
    );
    if (due.length === 0) break;
    updated += await prisma().$executeRawUnsafe(STORE_CRS_CHANGES_SQL, ...storeCrsChangesParams(firm.id, due, today));
    // Every new date is after today (or none), so the rows written leave the due range and the
    // next read moves on without an order: ordering by date and id sorted the whole due set for
    // every batch, quadratic when a million clients are due at once (after a migration).
    // A short batch was the last.
    if (due.length < BATCH || batch === options.maxBatches) break;
  }
  return updated;
}

/** refreshFirmCrsChanges for every firm (or one): what the worker's hourly job runs. */
export async function refreshDueNextCrsChanges(now: Date = new Date(), options: { firmId?: string } = {}): Promise<number> {
  const firms = await prisma().firm.findMany({ where: options.firmId ? { id: options.firmId } : {}, select: { id: true, timeZone: true } });
  let updated = 0;
  for (const firm of firms) updated += await refreshFirmCrsChanges(firm, now);
  return updated;
}
