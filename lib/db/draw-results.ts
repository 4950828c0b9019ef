import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { IMPACT_PLANNER_SETTING, prepareDrawImpact } from "./draw-impact";
import { prisma, type Prisma } from "./prisma";

/**
 * Draw day: a round new to the ledger is matched against every firm once, and the result stored
 * (DrawResult) for the digests and the bell. The intent is recorded first — a DrawMatch row per
 * firm and round, written in the import's own transaction — so a round imported from the command
 * line while no worker runs is matched when the worker next sweeps (lib/jobs/tick.ts).
 */

/** Rounds older than this when they arrive (a bulk history import) notify no one. */
export const NOTIFY_WITHIN_DAYS = 14;

type Tx = Prisma.TransactionClient;

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

/** Matches not yet notified (pending or computed): what the worker's sweep (re)sends. */
export async function unfinishedDrawMatches(limit = 500): Promise<PendingMatch[]> {
  return prisma().drawMatch.findMany({
    where: { status: { in: ["pending", "computed"] } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { firmId: true, drawNumber: true },
  });
}

/** The whole firm, as the matching sees it (owners' reach): the scope the impact query needs. */
export function firmWideScope(firmId: string): Scope {
  return { userId: "draw-day", firmId, role: "owner", teamIds: [] };
}

export type DrawResultStatus = "newly_above" | "above" | "near_miss";

/**
 * Computes and stores the firm's result for the round with the draw page's own query (one rule),
 * wrapped in `INSERT … SELECT`. Runs once per match: the DrawMatch row is locked, and a match
 * already computed is left as it is. Returns the match's counts.
 */
export async function computeDrawMatch(firmId: string, drawNumber: string): Promise<{ above: number; newlyAbove: number; nearMiss: number; computed: boolean }> {
  const { query } = await prepareDrawImpact(firmWideScope(firmId), drawNumber);
  return prisma().$transaction(
    async (tx) => {
      const [match] = await tx.$queryRawUnsafe<{ status: string; above: number; newlyAbove: number; nearMiss: number }[]>(
        `SELECT "status", "above", "newlyAbove", "nearMiss" FROM "DrawMatch" WHERE "firmId" = $1::uuid AND "drawNumber" = $2 FOR UPDATE`,
        firmId,
        drawNumber,
      );
      if (!match) return { above: 0, newlyAbove: 0, nearMiss: 0, computed: false };
      if (match.status !== "pending") return { above: match.above, newlyAbove: match.newlyAbove, nearMiss: match.nearMiss, computed: false };
      await tx.$executeRawUnsafe(IMPACT_PLANNER_SETTING);
      // $1 is the round and $8 the firm in drawImpactQuery's parameters.
      await tx.$executeRawUnsafe(
        `INSERT INTO "DrawResult" ("firmId", "drawNumber", "clientId", "teamId", "consultantId", "crs", "margin", "status")
         SELECT $8::uuid, $1, r."clientId", r."teamId", r."consultantId", r."crs", r."margin",
           CASE WHEN r."newlyAbove" THEN 'newly_above' WHEN r."above" THEN 'above' ELSE 'near_miss' END
         FROM (${query.sql}) r
         WHERE r."above" OR r."nearMiss"
         ON CONFLICT DO NOTHING`,
        ...query.params,
      );
      const [counts] = await tx.$queryRawUnsafe<{ above: number; newlyAbove: number; nearMiss: number }[]>(
        `SELECT count(*) FILTER (WHERE "status" IN ('newly_above', 'above'))::int AS "above",
           count(*) FILTER (WHERE "status" = 'newly_above')::int AS "newlyAbove",
           count(*) FILTER (WHERE "status" = 'near_miss')::int AS "nearMiss"
         FROM "DrawResult" WHERE "firmId" = $1::uuid AND "drawNumber" = $2`,
        firmId,
        drawNumber,
      );
      await tx.drawMatch.update({
        where: { firmId_drawNumber: { firmId, drawNumber } },
        data: { status: "computed", computedAt: new Date(), ...counts },
      });
      return { ...counts, computed: true };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Marks the match done once every digest and notification is recorded. */
export async function markDrawMatchNotified(firmId: string, drawNumber: string): Promise<void> {
  await prisma().drawMatch.updateMany({ where: { firmId, drawNumber, status: "computed" }, data: { status: "notified", notifiedAt: new Date() } });
}
