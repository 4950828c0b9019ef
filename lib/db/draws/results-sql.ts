import "server-only";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import {
  clearsCutoffSql,
  clearsDrawSql,
  crsAsOfScanSql,
  crsAsOfSql,
  drawExtrasSql,
  INVITED_SQL,
  outOfPoolAtSql,
  previousOfKindSql,
  reasonsSql,
  tieBreakSql,
} from "./eligibility-sql";

/**
 * One set-based statement that classifies a firm's clients against one or many rounds: the rows
 * DrawResult stores (results-store.ts, results-refresh.ts) and the draw page's live answer for a
 * margin other than the firm's (impact.ts). Each row: the round, the client, its team and
 * consultant, the CRS as of the round, margin, tie-break outcome, reasons, and one status:
 * newly_above | above | near_miss | ineligible_close (in the pool, not eligible, within closeMargin).
 */

export type ResultStatus = "newly_above" | "above" | "near_miss" | "ineligible_close";

/**
 * A round's counts over stored rows (alias `r`): "above" includes the newly above; the
 * ineligible-but-close rows count in none. Columns "above", "newlyAbove", "nearMiss".
 */
export const resultCountsSql = (r = "r") =>
  `count(*) FILTER (WHERE ${r}."status" IN ('newly_above', 'above'))::int AS "above",
       count(*) FILTER (WHERE ${r}."status" = 'newly_above')::int AS "newlyAbove",
       count(*) FILTER (WHERE ${r}."status" = 'near_miss')::int AS "nearMiss"`;

/** SQL expressions (placeholders or subqueries) for the statement's inputs. */
export interface ClassifyInputs {
  /** text[] of round numbers. */
  rounds: string;
  firmId: string;
  margin: string;
  closeMargin: string;
  timeZone: string;
  /** uuid[] of clients, or null for every client of the firm. */
  clientIds: string | null;
  /** More conditions over the client alias `c` (scope, team, consultant); "true" for none. */
  where: string;
  /**
   * "scan": the scores as of each round come from one ordered pass over the firm's score history
   * (DISTINCT ON over the (firmId, clientId, effectiveAt DESC, crs) index, index-only), hash-joined
   * to the clients — at 100,000 clients 130–190 ms where a probe per client took 330–360 ms.
   * "probe": one index probe per client, for a few clients or a narrowed view.
   */
  scores: "scan" | "probe";
}

export function classifySql(i: ClassifyInputs): string {
  // The scan runs once per round in its own materialized step: left inside the join, a planner
  // without fresh statistics re-ran the firm's whole score pass once per client (seconds at 5,000).
  const scoresCte =
    i.scores === "scan"
      ? `scores AS MATERIALIZED (
  SELECT cur."number", s."clientId", s."crs" FROM cur CROSS JOIN LATERAL (${crsAsOfScanSql(i.firmId, "cur")}) s
),`
      : "";
  const scored =
    i.scores === "scan"
      ? `JOIN scores s ON s."number" = cur."number"
  JOIN "Client" c ON c."firmId" = ${i.firmId} AND c."id" = s."clientId"`
      : `JOIN "Client" c ON c."firmId" = ${i.firmId}
  CROSS JOIN LATERAL (${crsAsOfSql("c", "cur")}) s`;
  return `
WITH cur AS MATERIALIZED (SELECT d.*, ${drawExtrasSql("d")} FROM "Draw" d WHERE d."number" = ANY(${i.rounds})),
prev AS MATERIALIZED (SELECT k."number" AS "forNumber", p.* FROM cur k CROSS JOIN LATERAL (${previousOfKindSql("k")}) p),
${scoresCte}
scored AS (
  SELECT cur."number" AS "drawNumber", c."id", c."firmId", c."teamId", c."consultantId", c."status",
    c."profileSubmittedAt", c."invitedAt", c."programs", c."nominationProvince", c."nominatedOn", c."categories",
    c."languageTestExpiresOn", ${outOfPoolAtSql("c", i.timeZone)} AS "outOfPoolAt", s."crs"
  FROM cur
  ${scored}
  WHERE c."deletedAt" IS NULL
    -- Archived clients are off the firm's desk: hidden from the roster, and from draw results.
    AND c."archivedAt" IS NULL
    ${i.clientIds === null ? "" : `AND c."id" = ANY(${i.clientIds})`}
    AND ${i.where}
    AND (c."status" = 'profile_active' OR (c."status" = ANY(${INVITED_SQL}) AND c."invitedAt" >= cur.at))
    AND s."crs" >= cur."cutoff" - greatest(${i.margin}, ${i.closeMargin})
),
judged AS (
  SELECT j.*, ${reasonsSql("j", "cur", "j.crs")} AS reasons, ${tieBreakSql("j", "cur", "j.crs")} AS "tieBreak",
    j."crs" - cur."cutoff" AS margin, ${clearsCutoffSql("j", "cur", "j.crs")} AS "clearsCutoff"
  FROM scored j JOIN cur ON cur."number" = j."drawNumber"
  -- OFFSET 0 keeps this subquery from being flattened into the next, which would copy the rule's
  -- expressions into every place that reads them and evaluate them several times per client.
  OFFSET 0
),
ranked AS (SELECT j.*, cardinality(j.reasons) = 0 AND j."clearsCutoff" AS above FROM judged j),
listed AS (
  SELECT j.*,
    -- CASE, not a join: the previous round is judged only for clients above this one.
    j.above AND NOT CASE WHEN j.above THEN coalesce((
      SELECT ${clearsDrawSql("j", "prev", "ps.crs")} FROM prev LEFT JOIN LATERAL (${crsAsOfSql("j", "prev")}) ps ON true
      WHERE prev."forNumber" = j."drawNumber"
    ), false) END AS "newlyAbove",
    cardinality(j.reasons) = 0 AND NOT j.above AND -j.margin <= ${i.margin} AS "nearMiss",
    cardinality(j.reasons) > 0 AND j."status" = 'profile_active' AND -j.margin <= ${i.closeMargin} AS "ineligibleClose"
  FROM ranked j
)
SELECT l."firmId", l."drawNumber", l."id" AS "clientId", l."teamId", l."consultantId", l."crs", l.margin AS "margin",
  CASE WHEN l."newlyAbove" THEN 'newly_above' WHEN l.above THEN 'above' WHEN l."nearMiss" THEN 'near_miss' ELSE 'ineligible_close' END AS "status",
  l.reasons, l."tieBreak"
FROM listed l WHERE l.above OR l."nearMiss" OR l."ineligibleClose"`;
}

/** The firm's own settings as SQL, so storing needs no round trip for them. */
export const firmMarginSql = (firmId: string) => `(SELECT f."nearMissMargin" FROM "Firm" f WHERE f."id" = ${firmId})`;
export const firmTimeZoneSql = (firmId: string) => `(SELECT f."timeZone" FROM "Firm" f WHERE f."id" = ${firmId})`;

export const RESULT_COLUMNS = `"firmId", "drawNumber", "clientId", "teamId", "consultantId", "crs", "margin", "status", "reasons", "tieBreak"`;

/**
 * Stores the firm's results for `rounds` (text[]) and, when given, only `clientIds` (uuid[]): what
 * was stored for them is replaced. Two statements (delete, insert … select) whatever the number
 * of clients and rounds. With the firm's margin for both lists, as the dashboard and digests use.
 */
export function storeResultsSql(firmId: string, rounds: string, clientIds: string | null, scores: "scan" | "probe"): { remove: string; insert: string } {
  // No "$n IS NULL OR …": a condition the planner cannot drop would hide the (firmId, clientId) index.
  return {
    remove: `DELETE FROM "DrawResult" WHERE "firmId" = ${firmId} AND "drawNumber" = ANY(${rounds})
      ${clientIds === null ? "" : `AND "clientId" = ANY(${clientIds})`}`,
    insert: `INSERT INTO "DrawResult" (${RESULT_COLUMNS})
      SELECT ${RESULT_COLUMNS} FROM (${classifySql({
        rounds,
        firmId,
        margin: firmMarginSql(firmId),
        closeMargin: firmMarginSql(firmId),
        timeZone: firmTimeZoneSql(firmId),
        clientIds,
        where: "true",
        scores,
      })}) r`,
  };
}

/**
 * The caller's scope over stored rows (alias `r`): the firm, and their teams unless they see all.
 * A row's team is the client's, kept current by every client write (results-refresh.ts), and a
 * deleted or archived client has no rows — so counts need not join the (wide) client rows.
 */
export function resultScopeSql(scope: Scope, firstParam: number, alias = "r"): { sql: string; params: unknown[] } {
  if (seesAllTeams(scope)) return { sql: `${alias}."firmId" = $${firstParam}::uuid`, params: [scope.firmId] };
  return { sql: `${alias}."firmId" = $${firstParam}::uuid AND ${alias}."teamId" = ANY($${firstParam + 1}::uuid[])`, params: [scope.firmId, scope.teamIds] };
}
