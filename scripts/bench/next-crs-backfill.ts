import type pg from "pg";
import { todayIn } from "@/lib/dates/time-zone";
import { nextCrsChangeAsOf } from "@/lib/db/clients/next-crs-change";

/**
 * Brings a kept bench firm seeded before Client."nextCrsChangeOn" existed up to date: every client's
 * stored next CRS change from the same rule the seed and insertClientsBulk apply (nextCrsChangeAsOf,
 * as of today in the firm's zone), in batches by id. Without it the dashboard's coming changes
 * would find no rows (NULL never shows) and time nothing. A firm with any stored date is left alone.
 */

const BATCH = 20_000;

/** Whether the firm's clients need the backfill: none has a stored next change. */
export async function needsNextCrsBackfill(pool: pg.Pool, firmId: string): Promise<boolean> {
  const { rows } = await pool.query(`SELECT 1 FROM "Client" WHERE "firmId" = $1 AND "nextCrsChangeOn" IS NOT NULL LIMIT 1`, [firmId]);
  return rows.length === 0;
}

/** Stores every client's next CRS change; returns how many clients got a date. */
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
    const next = rows.map((row) => nextCrsChangeAsOf(row, today));
    await pool.query(
      `UPDATE "Client" c SET "nextCrsChangeOn" = u.next FROM unnest($2::uuid[], $3::date[]) AS u(id, next)
       WHERE c."firmId" = $1 AND c."id" = u.id AND u.next IS NOT NULL`,
      [firmId, rows.map((r) => r.id), next],
    );
    dated += next.filter((d) => d !== null).length;
    after = rows[rows.length - 1].id;
  }
}
