import "server-only";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { hasPublishedDistribution, poolMovementFor, poolMovementSummary, type DistributionRound, type PoolMovement } from "@/lib/draws/pool-movement";
import { NotFoundError } from "@/lib/errors";
import { drawOrderSql } from "./order-sql";
import { prisma } from "../prisma";

/**
 * The pool's movement between IRCC's published distributions (lib/draws/pool-movement.ts), read
 * from the shared draw ledger: no firm scope, like lib/db/draws. A few hundred small rows at most,
 * so every round with a distribution is loaded and the pure rules pick the comparisons.
 */

export interface PoolMovementResult {
  movement: PoolMovement;
  /** One line of plain text for the round's digest. */
  summary: string;
}

async function distributionRounds(): Promise<DistributionRound[]> {
  return prisma().$queryRawUnsafe<DistributionRound[]>(
    `SELECT d."number", to_char(d."date", 'YYYY-MM-DD') AS "date", to_char(d."distributionAsOf", 'YYYY-MM-DD') AS "distributionAsOf", d."distribution"
     FROM "Draw" d
     WHERE d."distributionAsOf" IS NOT NULL AND jsonb_typeof(d."distribution") = 'array'
     ORDER BY ${drawOrderSql("d", "ASC")}`,
  );
}

function result(movement: PoolMovement | null): PoolMovementResult | null {
  return movement && { movement, summary: poolMovementSummary(movement) };
}

/**
 * The movement IRCC's distribution shows with this round, and its digest line; null when the round
 * published none (those rounds are skipped, never read as an empty pool). Unknown round: NotFound.
 */
export async function poolMovementForDraw(drawNumber: string): Promise<PoolMovementResult | null> {
  const number = drawNumber.trim();
  const exists = await prisma().draw.count({ where: { number } });
  if (exists === 0) throw new NotFoundError(`Draw ${number}`);
  return result(poolMovementFor(await distributionRounds(), number));
}

export interface PoolMovementView extends PoolMovementResult {
  /** Every round with a published distribution, newest first: the ledger's round picker. */
  rounds: { number: string; date: CalendarDate; asOf: CalendarDate }[];
}

/**
 * The ledger's view: the chosen round's movement, or the newest publication's when none is chosen
 * or the chosen round published none. Null when no round carries a distribution.
 */
export async function poolMovementView(drawNumber?: string): Promise<PoolMovementView | null> {
  const all = await distributionRounds();
  const published = all.filter(hasPublishedDistribution);
  if (published.length === 0) return null;
  const chosen = (drawNumber && published.find((r) => r.number === drawNumber.trim())) || published[published.length - 1];
  const view = result(poolMovementFor(all, chosen.number))!;
  return {
    ...view,
    rounds: published.map((r) => ({ number: r.number, date: r.date, asOf: r.distributionAsOf! })).reverse(),
  };
}
