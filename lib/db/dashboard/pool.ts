import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import type { DistributionBucket } from "@/lib/draws/round";
import { drawOrderSql } from "../draws";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { checkOptions, type DashboardOptions } from "./options";

// The pool's distribution with the firm's clients on it (the ledger's chart).

export interface PoolBand {
  key: string;
  min: number;
  max: number;
  /** Candidates in IRCC's pool in this band. */
  pool: number | null;
  /** The caller's clients in the pool (profile active) whose current CRS is in this band. */
  clients: number;
}

export interface PoolDistribution {
  drawNumber: string;
  asOf: CalendarDate;
  /** IRCC's ten- to hundred-point ranges only (not its subtotal and total rows), lowest first. */
  bands: PoolBand[];
  /** The caller's clients in the pool without a score. */
  clientsWithoutScore: number;
}

/**
 * The most recent distribution IRCC published, with the caller's clients counted into the same
 * ranges by one scan (a count per band, never a row per client).
 */
export async function poolDistribution(scope: Scope, options: Pick<DashboardOptions, "teamId"> = {}): Promise<PoolDistribution | null> {
  const { teamId } = checkOptions(options);
  const [latest] = await prisma().$queryRawUnsafe<{ number: string; asOf: string; distribution: DistributionBucket[] }[]>(
    `SELECT d."number", to_char(d."distributionAsOf", 'YYYY-MM-DD') AS "asOf", d."distribution" FROM "Draw" d
     WHERE d."distributionAsOf" IS NOT NULL AND jsonb_typeof(d."distribution") = 'array'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(d."distribution") b WHERE b->>'count' IS NOT NULL)
     ORDER BY d."distributionAsOf" DESC, ${drawOrderSql("d", "DESC")} LIMIT 1`,
  );
  if (!latest) return null;
  const ranges = latest.distribution.filter((b) => b.role === "range").sort((a, b) => a.min - b.min);
  const scopeSql = clientScopeSql(scope, 2);
  const [counts] = await prisma().$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${ranges.map((b, i) => `count(*) FILTER (WHERE c."crs" BETWEEN ${b.min} AND ${b.max})::int AS b${i}`).join(", ")},
       count(*) FILTER (WHERE c."crs" IS NULL)::int AS unscored
     FROM "Client" c
     WHERE ${scopeSql.sql} AND ($1::uuid IS NULL OR c."teamId" = $1::uuid) AND c."archivedAt" IS NULL AND c."status" = 'profile_active'`,
    teamId,
    ...scopeSql.params,
  );
  return {
    drawNumber: latest.number,
    asOf: latest.asOf,
    bands: ranges.map((b, i) => ({ key: b.key, min: b.min, max: b.max, pool: b.count, clients: counts[`b${i}`] })),
    clientsWithoutScore: counts.unscored,
  };
}
