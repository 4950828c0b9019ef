import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { ClientStatus } from "@/lib/clients/status";
import type { IneligibleReason, TieBreakOutcome } from "@/lib/draws/eligibility";
import { clientScopeSql } from "../scope";
import { classifySql, resultScopeSql, type ResultStatus } from "./results-sql";

/**
 * The draw page's rows for one round in the caller's scope, from the stored DrawResult (the
 * firm's margin) or, for another margin, from the same classifying statement run live. The scope,
 * team and consultant filters sit inside the query, on the client's current row.
 */

export interface ImpactRow {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamId: string;
  teamName: string;
  consultantId: string | null;
  consultantName: string | null;
  /** CRS in effect at the draw time. */
  crs: number;
  /** crs - cutoff. */
  margin: number;
  profileSubmittedAt: string | null;
  tieBreak: TieBreakOutcome;
  /** The client's status today (Record invitations offers only clients still in the pool). */
  status: ClientStatus;
}

export interface ImpactSqlRow extends ImpactRow {
  result: ResultStatus;
  reasons: IneligibleReason[];
  ineligibleCloseTotal: bigint | number;
}

/** At most this many ineligible-but-close clients are listed; `ineligibleCloseTotal` counts all. */
export const INELIGIBLE_CLOSE_LIMIT = 200;

export interface ImpactReadInput {
  drawNumber: string;
  teamId: string | null;
  consultantId: string | null;
  /** null: read the stored rows; otherwise classify live with these margins. */
  live: { margin: number; closeMargin: number; timeZone: string } | null;
}

/** The SQL and parameters; exported so benchmarks can EXPLAIN exactly what runs. */
export function impactReadQuery(scope: Scope, input: ImpactReadInput): { sql: string; params: unknown[] } {
  // $1 round, $2 firm, $3 team, $4 consultant, then the live margins, then the scopes'.
  const params: unknown[] = [input.drawNumber, scope.firmId, input.teamId, input.consultantId];
  const filters = (a: string) => `($3::uuid IS NULL OR ${a}."teamId" = $3::uuid) AND ($4::uuid IS NULL OR ${a}."consultantId" = $4::uuid)`;
  if (input.live) params.push(input.live.margin, input.live.closeMargin, input.live.timeZone);
  const scopeSql = clientScopeSql(scope, params.length + 1);
  params.push(...scopeSql.params);
  let source: string;
  if (input.live) {
    // A view narrowed to some teams or one consultant probes scores per client: far fewer index pages.
    const narrowed = scopeSql.params.length > 1 || input.teamId !== null || input.consultantId !== null;
    source = `MATERIALIZED (${classifySql({
      rounds: "ARRAY[$1]::text[]",
      firmId: "$2::uuid",
      margin: "$5::int",
      closeMargin: "$6::int",
      timeZone: "$7::text",
      clientIds: null,
      where: `${scopeSql.sql} AND ${filters("c")}`,
      scores: narrowed ? "probe" : "scan",
    })})`;
  } else {
    const rowScope = resultScopeSql(scope, params.length + 1);
    params.push(...rowScope.params);
    // Not materialized: each use below reads its own index range of the stored round.
    source = `NOT MATERIALIZED (SELECT r.* FROM "DrawResult" r WHERE r."firmId" = $2::uuid AND r."drawNumber" = $1 AND ${rowScope.sql} AND ${filters("r")})`;
  }
  // The listed rows joined to their clients, teams and consultants; the round's rows are filtered
  // before the join (in each branch below), so the planner probes the few listed clients by key
  // rather than merging with a scan of the whole firm (which a CTE of all the rows invited: 17 of
  // 37 ms at 100,000 clients after a mass update, measured).
  const listed = (from: string) => `
    SELECT p."clientId", c."firstName", c."lastName", c."profileNumber", c."teamId", t."name" AS "teamName",
      c."consultantId", u."name" AS "consultantName",
      p."crs", p."margin", p."reasons", p."tieBreak", p."status" AS "result", c."status"::text AS "status",
      -- As ISO text: decoding tens of thousands of timestamps into Dates was a visible share of the time.
      to_char(c."profileSubmittedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "profileSubmittedAt"
    FROM ${from}
    JOIN "Client" c ON c."firmId" = p."firmId" AND c."id" = p."clientId" AND ${scopeSql.sql} AND ${filters("c")}
    JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
    LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"`;
  const sql = `
WITH src AS ${source}
SELECT l.*, (SELECT count(*) FROM src WHERE "status" = 'ineligible_close') AS "ineligibleCloseTotal"
FROM (
  ${listed(`src p`)} WHERE p."status" IN ('newly_above', 'above', 'near_miss')
  UNION ALL
  -- Category rounds can make a third of the pool "ineligible but close" (no category): only the
  -- closest ${INELIGIBLE_CLOSE_LIMIT} (and those tied with the last) are joined to their clients; the total is counted apart.
  (${listed(`(SELECT * FROM src WHERE "status" = 'ineligible_close' ORDER BY "margin" DESC FETCH FIRST ${INELIGIBLE_CLOSE_LIMIT} ROWS WITH TIES) p`)}
   ORDER BY p."margin" DESC, c."lastName", c."firstName", p."clientId" LIMIT ${INELIGIBLE_CLOSE_LIMIT})
) l
ORDER BY l."margin" DESC, l."lastName", l."firstName", l."clientId"`;
  return { sql, params };
}
