import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { IneligibleReason, TieBreakOutcome } from "@/lib/draws/eligibility";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { drawOrderSql } from "./order-sql";
import { toDrawRecord, type DrawRecord, type DrawRow } from "./record";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { clearsDrawSql, crsAsOfSql, drawExtrasSql, outOfPoolAtSql, previousOfKindSql, reasonsSql, tieBreakSql } from "./eligibility-sql";
import { UUID } from "./impact";

/**
 * The client page's "recent draws": one client judged against each recent round, live (a few
 * probes for one client), with the same SQL rule as the stored results.
 */

export interface ClientDrawResult {
  draw: DrawRecord;
  /** CRS in effect at the draw time; null when none was recorded by then. */
  crs: number | null;
  eligible: boolean;
  reasons: IneligibleReason[];
  above: boolean;
  newlyAbove: boolean;
  nearMiss: boolean;
  margin: number | null;
  tieBreak: TieBreakOutcome;
}

interface ClientDrawSqlRow extends DrawRow, Omit<ClientDrawResult, "draw" | "eligible"> {
  clientId: string;
}

/** The client's result for each of the most recent draws, newest first (the client page). */
export async function clientDrawResults(scope: Scope, clientId: string, options: { limit?: number } = {}): Promise<ClientDrawResult[]> {
  const limit = options.limit ?? 10;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500)) {
    throw new InvalidInputError("The number of draws must be from 1 to 500.", [{ path: "limit", message: "From 1 to 500." }]);
  }
  if (!UUID.test(clientId)) throw new NotFoundError("Client");
  const scopeSql = clientScopeSql(scope, 3);
  const rows = await prisma().$queryRawUnsafe<ClientDrawSqlRow[]>(
    `
WITH c AS (
  SELECT c.*, ${outOfPoolAtSql("c", `f."timeZone"`)} AS "outOfPoolAt", f."nearMissMargin"
  FROM "Client" c JOIN "Firm" f ON f."id" = c."firmId"
  WHERE ${scopeSql.sql} AND c."id" = $1::uuid
),
recent AS (
  SELECT d.*, ${drawExtrasSql("d")}, row_number() OVER (ORDER BY ${drawOrderSql("d", "DESC")}) AS recency
  FROM "Draw" d ORDER BY ${drawOrderSql("d", "DESC")} LIMIT $2
)
SELECT c."id" AS "clientId", r.* FROM c LEFT JOIN LATERAL (
  SELECT j.*,
    cardinality(j.reasons) = 0 AND NOT j.above AND coalesce(j."cutoff" - j."crs" <= c."nearMissMargin", false) AS "nearMiss",
    j.above AND NOT j."previousAbove" AS "newlyAbove"
  FROM (
    SELECT d."number", d."date", d."drawnAt", d."tieBreakAt", d."size", d."cutoff", d."name", d."kind", d."categoryVersion",
      d."programs", d."provisional", d.recency, s."crs", s."crs" - d."cutoff" AS margin,
      ${reasonsSql("c", "d", "s.crs")} AS reasons,
      ${clearsDrawSql("c", "d", "s.crs")} AS above,
      ${tieBreakSql("c", "d", "s.crs")} AS "tieBreak",
      p."number" IS NOT NULL AND ${clearsDrawSql("c", "p", "ps.crs")} AS "previousAbove"
    FROM recent d
    LEFT JOIN LATERAL (${crsAsOfSql("c", "d")}) s ON true
    LEFT JOIN LATERAL (${previousOfKindSql("d")}) p ON true
    LEFT JOIN LATERAL (${crsAsOfSql("c", "p")}) ps ON true
  ) j
) r ON true
ORDER BY r.recency`,
    clientId,
    limit,
    ...scopeSql.params,
  );
  // The client row comes back even without draws: no row at all means out of scope or unknown.
  if (rows.length === 0) throw new NotFoundError("Client");
  return rows
    .filter((row) => row.number !== null)
    .map((row) => ({
      draw: toDrawRecord(row),
      crs: row.crs,
      eligible: row.reasons.length === 0,
      reasons: row.reasons,
      above: row.above,
      newlyAbove: row.newlyAbove,
      nearMiss: row.nearMiss,
      margin: row.margin,
      tieBreak: row.tieBreak,
    }));
}
