import type pg from "pg";
import { todayIn } from "@/lib/dates/time-zone";
import { STORE_CRS_CHANGES_SQL, storeCrsChangesParams } from "@/lib/db/clients/next-crs-change";

/**
 * Brings a kept bench firm seeded before the stored coming CRS changes existed (Client."nextCrsChangeOn",
 * then the per-kind "nextBirthdayChangeOn" and "nextWorkAnniversaryOn") up to date: every client's
 * stored changes from the same rule the seed and insertClientsBulk apply (crsChangesAsOf, as of
 * today in the firm's zone), in batches by id. Without it the dashboard's coming changes would find
 * no rows (NULL never shows) and time nothing. A firm with any per-kind date stored is left alone.
 */

const BATCH = 20_000;

/** Whether the firm's clients need the backfill: none has a per-kind date stored. */
export async function needsNextCrsBackfill(pool: pg.Pool, firmId: string): Promise<boolean> {
  const { rows } = await pool.query(`SELECT 1 FROM "Client" WHERE "firmId" = $1 AND ("nextBirthdayChangeOn" IS NOT NULL OR "nextWorkAnniversaryOn" IS NOT NULL) LIMIT 1`, [firmId]);
  return rows.length === 0;
}

/** Stores every client's coming CRS changes; returns how many clients were written. */
export async function backfillNextCrsChanges(pool: pg.Pool, firmId: string, timeZone: string, now: Date): Promise<number> {
  const today = todayIn(timeZone, now);
  let after = "00000000-0000-0000-0000-000000000000";
  let dated = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string; dateOfBirth: string | null; canadianWorkStartedOn: string | null; crsFactors: unknown }>(
      `SELECT "id", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", to_char("canadianWorkStartedOn", 'YYYY-MM-DD') AS "canadianWorkStartedOn", "crsFactors"
       FROM "Client" WHERE "firmId" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${BATCH}`,
      [firmId, after],
    );
    if (rows.length === 0) return dated;
    await pool.query(STORE_CRS_CHANGES_SQL, storeCrsChangesParams(firmId, rows, today));
    dated += rows.length;
    after = rows[rows.length - 1].id;
  }
}
