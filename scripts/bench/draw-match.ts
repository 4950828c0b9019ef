import type pg from "pg";
import { recomputeRound as recomputeStoredRound } from "@/lib/db/draws/results-store";

/**
 * Precomputed draw results for the benchmarked rounds, through lib/db's forced recompute of a
 * stored round (what the draw.match job and a margin change run). The bench first clears the
 * round's stored rows and marks its match pending (the state a new round leaves), so the time is
 * the whole round's computation, not an update of rows already there.
 */

export async function recomputeRound(pool: pg.Pool, firmId: string, drawNumber: string): Promise<{ ms: number; above: number; nearMiss: number }> {
  await pool.query(`DELETE FROM "DrawResult" WHERE "firmId" = $1 AND "drawNumber" = $2`, [firmId, drawNumber]);
  await pool.query(
    `INSERT INTO "DrawMatch" ("firmId", "drawNumber", "status") VALUES ($1, $2, 'pending')
     ON CONFLICT ("firmId", "drawNumber") DO UPDATE SET "status" = 'pending', "computedAt" = NULL`,
    [firmId, drawNumber],
  );
  const start = performance.now();
  const counts = await recomputeStoredRound(firmId, drawNumber);
  if (!counts) throw new Error(`round #${drawNumber} could not be recomputed for firm ${firmId}`);
  const ms = performance.now() - start;
  // Matched and told: no worker pointed at the bench database should send digests for it.
  await pool.query(`UPDATE "DrawMatch" SET "status" = 'notified', "notifiedAt" = now() WHERE "firmId" = $1 AND "drawNumber" = $2`, [firmId, drawNumber]);
  return { ms, above: counts.above, nearMiss: counts.nearMiss };
}

/** Rounds the new-draw step imported (`bench-N`), with what was stored for them: gone before and after a run. */
export async function removeBenchRounds(pool: pg.Pool): Promise<void> {
  for (const table of ["DrawResult", "DrawMatch"]) await pool.query(`DELETE FROM "${table}" WHERE starts_with("drawNumber", 'bench-')`);
  await pool.query(`DELETE FROM "Draw" WHERE starts_with("number", 'bench-')`);
}

/** Computes a round's results for the firm unless the match is already computed (a fresh bench database). */
export async function precomputeIfMissing(pool: pg.Pool, firmId: string, drawNumber: string): Promise<void> {
  const { rows } = await pool.query(`SELECT 1 FROM "DrawMatch" WHERE "firmId" = $1 AND "drawNumber" = $2 AND "status" <> 'pending'`, [firmId, drawNumber]);
  if (rows.length === 0) await recomputeRound(pool, firmId, drawNumber);
}
