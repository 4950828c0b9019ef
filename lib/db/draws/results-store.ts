import "server-only";
import { prisma, type Prisma } from "../prisma";
import { resultCountsSql, storeResultsSql } from "./results-sql";

/**
 * What is stored, and when (issue 14): DrawResult holds, per firm and round, every client above,
 * near or ineligible-but-close (within the firm's margin) — the rows any page lists, never the
 * whole roster. A round is stored when it arrives (draw day, below) or the first time anyone
 * opens it (`ensureRoundsStored`: the dashboard watches the latest round of each kind, the draw
 * page and exports any round); one DrawMatch row per firm and round says when (computedAt).
 * Client edits keep every stored round current (results-refresh.ts); a margin change or a
 * re-classified round clears computedAt, and the worker's tick (or the next view) recomputes.
 * Rounds older than WATCH_DAYS are dropped a day after their last computation (pruneStoredRounds),
 * so the set every client edit refreshes stays about a year of rounds.
 *
 * Draw day: the intent is recorded first — a pending DrawMatch per firm and round, written in the
 * import's own transaction — so a round imported from the command line while no worker runs is
 * matched when the worker next sweeps (lib/jobs/tick.ts).
 */

/** Rounds older than this when they arrive (a bulk history import) notify no one. */
export const NOTIFY_WITHIN_DAYS = 14;

type Tx = Prisma.TransactionClient;

/**
 * With the default random_page_cost the planner hash-joins the candidates against a scan of
 * every (wide) client row instead of probing the primary key: ~40% of the query's time. Run it
 * in the classifying statement's transaction.
 */
export const IMPACT_PLANNER_SETTING = "SET LOCAL random_page_cost = 1.1";

/** Records a pending match for every firm and each added round drawn within NOTIFY_WITHIN_DAYS. Idempotent. */
export async function enqueueDrawMatching(addedNumbers: string[], tx: Tx = prisma(), now: Date = new Date()): Promise<number> {
  if (addedNumbers.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO "DrawMatch" ("firmId", "drawNumber", "status")
     SELECT f."id", d."number", 'pending' FROM "Firm" f CROSS JOIN "Draw" d
     WHERE d."number" = ANY($1::text[]) AND d."date" >= ($2::timestamptz - make_interval(days => $3))::date
     ON CONFLICT DO NOTHING`,
    addedNumbers,
    now,
    NOTIFY_WITHIN_DAYS,
  );
}

export interface PendingMatch {
  firmId: string;
  drawNumber: string;
}

/** Matches not yet notified (pending or computed), and stored rounds to recompute: what the worker's sweep (re)sends. */
export async function unfinishedDrawMatches(limit = 500): Promise<PendingMatch[]> {
  return prisma().drawMatch.findMany({
    where: { OR: [{ status: { in: ["pending", "computed"] } }, { computedAt: null, status: { in: ["stored", "notified"] } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { firmId: true, drawNumber: true },
  });
}

export interface MatchCounts {
  above: number;
  newlyAbove: number;
  nearMiss: number;
}

interface MatchRow extends MatchCounts {
  status: string;
  computedAt: Date | null;
}

/**
 * (Re)computes the firm's stored result for one round — one DELETE and one INSERT … SELECT over
 * the whole firm, whatever its size — when the round was never computed or `force`. The
 * DrawMatch row is locked meanwhile, so a client edit's refresh waits and then sees the new rows.
 * Returns null when the firm has no DrawMatch row for the round.
 */
async function storeRound(tx: Tx, firmId: string, drawNumber: string, force: boolean): Promise<(MatchCounts & { computed: boolean }) | null> {
  await lockFirmResults(tx, firmId, "exclusive");
  const [match] = await tx.$queryRawUnsafe<MatchRow[]>(
    `SELECT "status", "computedAt", "above", "newlyAbove", "nearMiss" FROM "DrawMatch" WHERE "firmId" = $1::uuid AND "drawNumber" = $2 FOR UPDATE`,
    firmId,
    drawNumber,
  );
  if (!match) return null;
  if (match.computedAt !== null && !force) return { above: match.above, newlyAbove: match.newlyAbove, nearMiss: match.nearMiss, computed: false };
  await tx.$executeRawUnsafe(IMPACT_PLANNER_SETTING);
  const sql = storeResultsSql("$1::uuid", "ARRAY[$2]::text[]", null, "scan");
  await tx.$executeRawUnsafe(sql.remove, firmId, drawNumber);
  await tx.$executeRawUnsafe(sql.insert, firmId, drawNumber);
  const [counts] = await tx.$queryRawUnsafe<MatchCounts[]>(
    `SELECT ${resultCountsSql()} FROM "DrawResult" r WHERE r."firmId" = $1::uuid AND r."drawNumber" = $2`,
    firmId,
    drawNumber,
  );
  await tx.drawMatch.update({
    where: { firmId_drawNumber: { firmId, drawNumber } },
    data: { status: match.status === "pending" ? "computed" : match.status, computedAt: new Date(), ...counts },
  });
  return { ...counts, computed: true };
}

/**
 * Client writes refresh their rows holding this firm-wide lock shared; computing a whole round
 * holds it exclusive. So a round's INSERT … SELECT starts only after every client write in flight
 * has committed (it sees them all), and a write that comes later waits and then refreshes the
 * new round's rows: no edit is lost between the two. Rounds are computed rarely (draw day,
 * settings change, an old round's first view); client edits wait for one meanwhile.
 */
export async function lockFirmResults(tx: Tx, firmId: string, mode: "shared" | "exclusive"): Promise<void> {
  const fn = mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
  await tx.$queryRawUnsafe(`SELECT ${fn}(hashtext('drawdesk.draw-results'), hashtext($1::text))::text`, firmId);
}

const LONG_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/**
 * Draw day: computes and stores the firm's result for the round (also a stored round whose
 * computedAt was cleared). `computed` says whether this call computed it.
 */
export async function computeDrawMatch(firmId: string, drawNumber: string): Promise<MatchCounts & { computed: boolean }> {
  const result = await prisma().$transaction((tx) => storeRound(tx, firmId, drawNumber, false), LONG_TRANSACTION);
  if (!result) return { above: 0, newlyAbove: 0, nearMiss: 0, computed: false };
  return { above: result.above, newlyAbove: result.newlyAbove, nearMiss: result.nearMiss, computed: result.computed };
}

/** Whether the match still has digests to send: a draw-day match, not a round stored for viewing only. */
export async function matchOwesDigests(firmId: string, drawNumber: string): Promise<boolean> {
  const match = await prisma().drawMatch.findUnique({ where: { firmId_drawNumber: { firmId, drawNumber } }, select: { status: true } });
  return match?.status === "pending" || match?.status === "computed";
}

/** Recomputes a stored round now (a forced refresh, e.g. after a firm setting changed); idempotent. */
export async function recomputeRound(firmId: string, drawNumber: string): Promise<MatchCounts | null> {
  const result = await prisma().$transaction((tx) => storeRound(tx, firmId, drawNumber, true), LONG_TRANSACTION);
  return result && { above: result.above, newlyAbove: result.newlyAbove, nearMiss: result.nearMiss };
}

/**
 * Makes sure the firm's results for these rounds are stored before a page reads them: a round
 * nobody opened before is computed once, here, and kept current from then on.
 */
export async function ensureRoundsStored(firmId: string, drawNumbers: string[]): Promise<void> {
  if (drawNumbers.length === 0) return;
  const missing = await prisma().$queryRawUnsafe<{ drawNumber: string }[]>(
    `SELECT d."number" AS "drawNumber" FROM unnest($2::text[]) AS d("number")
     WHERE NOT EXISTS (SELECT 1 FROM "DrawMatch" m WHERE m."firmId" = $1::uuid AND m."drawNumber" = d."number" AND m."computedAt" IS NOT NULL)`,
    firmId,
    drawNumbers,
  );
  for (const { drawNumber } of missing) {
    await prisma().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "DrawMatch" ("firmId", "drawNumber", "status") SELECT $1::uuid, d."number", 'stored' FROM "Draw" d WHERE d."number" = $2 ON CONFLICT DO NOTHING`,
        firmId,
        drawNumber,
      );
      await storeRound(tx, firmId, drawNumber, false);
    }, LONG_TRANSACTION);
  }
}

/**
 * A firm setting the results depend on changed (near-miss margin, time zone): every round stored
 * for the firm is marked for recomputation — the worker's tick queues a draw.match job per round
 * (idempotent), and a page opening one first recomputes it.
 */
export async function markFirmRoundsStale(tx: Tx, firmId: string): Promise<number> {
  return tx.$executeRawUnsafe(`UPDATE "DrawMatch" SET "computedAt" = NULL WHERE "firmId" = $1::uuid AND "computedAt" IS NOT NULL`, firmId);
}

/**
 * Rounds changed (fields updated, re-classified, or added among older ones): for every firm, the
 * stored results of those rounds and of the later rounds of their kinds (old kinds in
 * `formerKinds`) are marked for recomputation, since "newly above" compares with the previous round.
 * Call after the change, in its transaction.
 */
export async function markRoundsChanged(tx: Tx, numbers: string[], formerKinds: string[] = []): Promise<number> {
  if (numbers.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `WITH changed AS (SELECT d."kind", d."date" FROM "Draw" d WHERE d."number" = ANY($1::text[]))
     UPDATE "DrawMatch" m SET "computedAt" = NULL FROM "Draw" d
     WHERE m."drawNumber" = d."number" AND m."computedAt" IS NOT NULL
       AND (d."number" = ANY($1::text[]) OR (
         (d."kind" = ANY($2::text[]) OR d."kind" IN (SELECT "kind" FROM changed)) AND d."date" >= (SELECT min("date") FROM changed)))`,
    numbers,
    formerKinds,
  );
}

/** How far back results stay stored: the dashboard watches the latest round of each kind held in these days. */
export const WATCH_DAYS = 365;

/** An older round opened on the draw page stays stored this long after it was last computed. */
export const KEEP_OLDER_DAYS = 1;

/**
 * Bounds what is stored (every client edit refreshes every stored round): results of rounds drawn
 * more than WATCH_DAYS ago and computed more than KEEP_OLDER_DAYS ago (or marked stale) are
 * dropped; opening such a round again computes it again. A draw-day match keeps its DrawMatch row (status "pruned"), so
 * the round is never notified twice. At most `limit` rounds per call (the worker's tick).
 */
export async function pruneStoredRounds(now: Date = new Date(), limit = 50): Promise<number> {
  const due = await prisma().$queryRawUnsafe<PendingMatch[]>(
    `SELECT m."firmId", m."drawNumber" FROM "DrawMatch" m JOIN "Draw" d ON d."number" = m."drawNumber"
     WHERE m."status" IN ('stored', 'notified', 'pruned')
       -- Marked stale (computedAt null) is as good as gone; a pruned row with no results is done.
       AND (m."computedAt" < $1::timestamptz - make_interval(days => $3) OR (m."computedAt" IS NULL AND m."status" <> 'pruned'))
       AND d."date" < ($1::timestamptz AT TIME ZONE 'UTC')::date - $2::int
     ORDER BY m."computedAt" NULLS FIRST LIMIT $4`,
    now,
    WATCH_DAYS,
    KEEP_OLDER_DAYS,
    limit,
  );
  for (const { firmId, drawNumber } of due) {
    await prisma().$transaction(async (tx) => {
      await lockFirmResults(tx, firmId, "exclusive");
      await tx.$executeRawUnsafe(`DELETE FROM "DrawResult" WHERE "firmId" = $1::uuid AND "drawNumber" = $2`, firmId, drawNumber);
      await tx.$executeRawUnsafe(`DELETE FROM "DrawMatch" WHERE "firmId" = $1::uuid AND "drawNumber" = $2 AND "status" = 'stored'`, firmId, drawNumber);
      await tx.$executeRawUnsafe(
        `UPDATE "DrawMatch" SET "status" = 'pruned', "computedAt" = NULL WHERE "firmId" = $1::uuid AND "drawNumber" = $2 AND "status" <> 'stored'`,
        firmId,
        drawNumber,
      );
    });
  }
  return due.length;
}

/** Marks the match done once every digest and notification is recorded. */
export async function markDrawMatchNotified(firmId: string, drawNumber: string): Promise<void> {
  await prisma().drawMatch.updateMany({ where: { firmId, drawNumber, status: "computed" }, data: { status: "notified", notifiedAt: new Date() } });
}
