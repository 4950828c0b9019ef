import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { INVITED_STATUSES } from "@/lib/clients/status";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { DEFAULT_TIME_ZONE, todayIn } from "@/lib/dates/time-zone";
import { PROFILE_VALIDITY_MONTHS } from "@/lib/deadlines";
import { PROGRAMS, type DrawKind } from "@/lib/draws/kinds";
import { isCategorySql } from "./draw-kinds";
import { drawInstantSql, drawOrderSql, type LatestOfKind } from "./draws";
import { getFirm } from "./firms";
import { prisma } from "./prisma";
import { clientScopeSql } from "./scope";
import { checkOptions, type DashboardOptions, quoted } from "./dashboard/options";

/**
 * The dashboard's and the ledger's aggregates over the caller's clients: every function takes the
 * Scope first, and each widget is one set-based query whatever the size of the firm. Lists are
 * limited; totals are counted in the same query. The radar, coming CRS changes, cut-off series
 * and pool distribution live in ./dashboard/; this module is their public face too.
 */

export type { DashboardOptions } from "./dashboard/options";
export * from "./dashboard/coming-changes";
export * from "./dashboard/cutoffs";
export * from "./dashboard/pool";
export * from "./dashboard/radar";

const INVITED = `ARRAY[${quoted(INVITED_STATUSES)}]::"ClientStatus"[]`;

// ---------------------------------------------------------------------------------------------
// New since the last draw, and near misses: the latest draw of every kind in one query.
// ---------------------------------------------------------------------------------------------

/**
 * The rule below is lib/draws/eligibility.ts as draw-impact.ts states it in SQL, restated here
 * because draw-impact.ts keeps its fragments private. It must stay equal to drawImpact's
 * newlyAbove / nearMiss for each latest draw: dashboard.integration.test.ts holds the two together.
 *
 * Why not drawImpact once per kind: 15 calls over 100,000 clients took 2.2 s (each probes the score
 * history of every client in the pool). Here the column-only checks (pool, programs, nomination,
 * category, language test) run first, so the score history is probed only for clients eligible
 * for a draw, and the previous draw of the kind only for clients above the latest one.
 */
function drawColumnsSql(d: string): string {
  return `${d}."number", ${d}."date", ${d}."kind", ${d}."cutoff", ${d}."tieBreakAt", ${drawInstantSql(d)} AS at,
    CASE WHEN coalesce(cardinality(${d}."programs"), 0) = 0 THEN ARRAY[${quoted(PROGRAMS)}]::text[] ELSE ${d}."programs" END AS covered,
    ${isCategorySql(d)} AS "isCategory"`;
}

/**
 * Every eligibility check but the score, for a pooled client `c` (status profile_active or invited)
 * and a draw `d`. Out of the pool is compared as dates: the profile leaves the pool at the start of
 * the day after its expiry date in the firm's zone, so it is in at `d.at` exactly when that date is
 * not before d.at's date in the zone (the fallback: 12 months after submission, in DEFAULT_TIME_ZONE).
 */
function eligibleSql(c: string, d: string): string {
  const fallback = `((${c}."profileSubmittedAt" AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date + interval '${PROFILE_VALIDITY_MONTHS} months')::date`;
  return `${c}."profileSubmittedAt" <= ${d}.at
    AND CASE WHEN ${c}."profileExpiresOn" IS NOT NULL THEN ${c}."profileExpiresOn" >= ${d}."firmDate" ELSE ${fallback} >= ${d}."defaultDate" END
    AND NOT (${c}."status" = ANY(${INVITED}) AND (${c}."invitedAt" IS NULL OR ${c}."invitedAt" < ${d}.at))
    AND NOT coalesce(${c}."languageTestExpiresOn" < ${d}."date", false)
    AND coalesce(${c}."programs", '{}') && ${d}.covered
    AND (${d}."kind" <> 'pnp' OR (${c}."nominationProvince" IS NOT NULL AND ${c}."nominationProvince" !~ '^\\s*$'
      AND (${c}."nominatedOn" IS NULL OR ${c}."nominatedOn" <= ${d}."date")))
    AND (NOT ${d}."isCategory" OR coalesce(${d}."kind" = ANY(${c}."categories"), false))`;
}

function clearsCutoffSql(c: string, d: string, crs: string): string {
  return `(${crs} > ${d}."cutoff" OR (${crs} = ${d}."cutoff"
    AND (${d}."tieBreakAt" IS NULL OR coalesce(${c}."profileSubmittedAt" <= ${d}."tieBreakAt", false))))`;
}

function crsAsOfSql(c: string, at: string): string {
  return `SELECT s."crs" FROM "CrsScore" s WHERE s."firmId" = ${c}."firmId" AND s."clientId" = ${c}."id" AND s."effectiveAt" <= ${at}
    ORDER BY s."effectiveAt" DESC LIMIT 1`;
}

/** How far back the dashboard looks: a draw older than a profile's validity has no news for anyone. */
export const WATCH_DAYS = 365;

const WATCH_PARAMS = 6;

function drawWatchSql(scopeSql: string): string {
  const judged = (d: string) => `${d}.*, (${d}.at AT TIME ZONE $2::text)::date AS "firmDate", (${d}.at AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date AS "defaultDate"`;
  // Each client meets only the draws it could be eligible for: every program draw, the category
  // draws of its categories (an equality join), the PNP draw when nominated.
  const pairs = (join: string, where = "") => `
    SELECT p.*, d."number", d."kind", d."cutoff", d."date" AS "drawDate", s."crs", ${clearsCutoffSql("p", "d", "s.crs")} AS above
    FROM pool p ${join}
    CROSS JOIN LATERAL (SELECT CASE WHEN p."currentCrsAt" <= d.at THEN p."currentCrs" ELSE (${crsAsOfSql("p", "d.at")}) END AS "crs") s
    WHERE ${eligibleSql("p", "d")} ${where} AND s."crs" >= d."cutoff" - $1::int`;
  return `
WITH ranked AS (
  SELECT ${drawColumnsSql("d")}, row_number() OVER (PARTITION BY d."kind" ORDER BY ${drawOrderSql("d", "DESC")}) AS rank FROM "Draw" d
),
cur AS MATERIALIZED (
  SELECT ${judged("r")} FROM ranked r
  WHERE CASE WHEN $6::text[] IS NULL THEN r.rank = 1 AND r."date" >= $5::date - ${WATCH_DAYS} ELSE r."number" = ANY($6::text[]) END
),
prev AS MATERIALIZED (SELECT ${judged("r")}, c."number" AS "forNumber" FROM ranked r JOIN cur c ON r."kind" = c."kind" AND r.rank = c.rank + 1),
pool AS MATERIALIZED (
  SELECT c."id", c."firmId", c."teamId", c."consultantId", c."firstName", c."lastName", c."profileNumber", c."status",
    c."profileSubmittedAt", c."profileExpiresOn", c."invitedAt", c."programs", c."nominationProvince", c."nominatedOn", c."categories",
    c."languageTestExpiresOn", c."crs" AS "currentCrs", c."crsEffectiveAt" AS "currentCrsAt"
  FROM "Client" c
  WHERE ${scopeSql} AND c."archivedAt" IS NULL AND ($3::uuid IS NULL OR c."teamId" = $3::uuid) AND c."profileSubmittedAt" IS NOT NULL
    AND (c."status" = 'profile_active' OR (c."status" = ANY(${INVITED}) AND c."invitedAt" IS NOT NULL))
    AND c."profileSubmittedAt" <= (SELECT max(at) FROM cur)
),
scored AS (
  ${pairs(`JOIN cur d ON NOT d."isCategory" AND d."kind" <> 'pnp'`)}
  UNION ALL
  ${pairs(`CROSS JOIN LATERAL unnest(p."categories") AS k(kind) JOIN cur d ON d."kind" = k.kind AND d."isCategory"`)}
  UNION ALL
  ${pairs(`JOIN cur d ON d."kind" = 'pnp'`, `AND p."nominationProvince" IS NOT NULL`)}
),
listed AS MATERIALIZED (
  SELECT j.*, j."crs" - j."cutoff" AS margin, j.above AND NOT coalesce(b."previousAbove", false) AS "newlyAbove", NOT j.above AS "nearMiss"
  FROM scored j
  LEFT JOIN LATERAL (
    SELECT ps."crs" IS NOT NULL AND ${eligibleSql("j", "p")} AND ${clearsCutoffSql("j", "p", "ps.crs")} AS "previousAbove"
    FROM prev p LEFT JOIN LATERAL (${crsAsOfSql("j", "p.at")}) ps ON true
    WHERE j.above AND p."forNumber" = j."number"
  ) b ON true
),
picked AS (
  SELECT * FROM (
    SELECT l.*, 'newlyAbove' AS list, row_number() OVER (PARTITION BY l."number" ORDER BY l.margin DESC, l."lastName", l."firstName", l."id") AS rn
    FROM listed l WHERE l."newlyAbove") x WHERE x.rn <= $4
  UNION ALL
  SELECT * FROM (
    SELECT l.*, 'nearMiss' AS list, row_number() OVER (ORDER BY l.margin DESC, l."drawDate" DESC, l."lastName", l."firstName", l."id") AS rn
    FROM listed l WHERE l."nearMiss") y WHERE y.rn <= $4
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('number', l."number", 'above', l.above, 'newlyAbove', l."newlyAbove", 'nearMiss', l."nearMiss")), '[]')
   FROM (SELECT l."number", count(*) FILTER (WHERE l.above) AS above, count(*) FILTER (WHERE l."newlyAbove") AS "newlyAbove",
     count(*) FILTER (WHERE l."nearMiss") AS "nearMiss" FROM listed l GROUP BY l."number") l) AS counts,
  (SELECT coalesce(json_agg(json_build_object('list', p.list, 'clientId', p."id", 'firstName', p."firstName", 'lastName', p."lastName",
     'profileNumber', p."profileNumber", 'teamName', t."name", 'consultantName', u."name", 'crs', p."crs", 'margin', p.margin,
     'drawNumber', p."number", 'kind', p."kind", 'drawDate', p."drawDate") ORDER BY p.list, p."number", p.rn), '[]')
   FROM picked p JOIN "Team" t ON t."firmId" = p."firmId" AND t."id" = p."teamId"
   LEFT JOIN "User" u ON u."firmId" = p."firmId" AND u."id" = p."consultantId") AS rows,
  (SELECT coalesce(json_agg(json_build_object('number', c."number", 'kind', c."kind") ORDER BY c.at DESC), '[]') FROM cur c) AS watched`;
}

export interface WatchedClient {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamName: string;
  consultantName: string | null;
  /** CRS in effect at the draw time. */
  crs: number;
  /** crs - cutoff. */
  margin: number;
  drawNumber: string;
  kind: DrawKind;
  drawDate: CalendarDate;
}

export interface WatchedDraw {
  number: string;
  kind: DrawKind;
  above: number;
  newlyAbove: number;
  nearMiss: number;
  /** The first `limit` newly above, highest margin first. */
  newlyAboveClients: WatchedClient[];
}

export interface DrawWatch {
  /** The firm's near-miss margin. */
  margin: number;
  /** Every draw watched, newest first, with zero counts when none of the clients is concerned. */
  draws: WatchedDraw[];
  /** Near misses in the watched draws, closest first. */
  nearMisses: WatchedClient[];
  nearMissTotal: number;
}

interface DrawWatchRow {
  counts: { number: string; above: number; newlyAbove: number; nearMiss: number }[];
  rows: (WatchedClient & { list: string })[];
  watched: { number: string; kind: DrawKind }[];
}

/**
 * The caller's clients newly above each watched draw (not above the previous draw of its kind),
 * and its near misses, with counts: drawImpact's answer for each of those draws, in one query.
 * Watched: the latest draw of each kind held in the last WATCH_DAYS, or `drawNumbers` when given.
 */
export async function drawWatch(scope: Scope, options: DashboardOptions & { drawNumbers?: string[] } = {}): Promise<DrawWatch> {
  const { teamId, limit } = checkOptions(options);
  const firm = await getFirm(scope);
  const today = todayIn(firm.timeZone, options.now ?? new Date());
  const scopeSql = clientScopeSql(scope, WATCH_PARAMS + 1);
  const [result] = await prisma().$queryRawUnsafe<DrawWatchRow[]>(
    drawWatchSql(scopeSql.sql),
    firm.nearMissMargin,
    firm.timeZone,
    teamId,
    limit,
    today,
    options.drawNumbers ?? null,
    ...scopeSql.params,
  );
  const counts = new Map(result.counts.map((c) => [c.number, c]));
  const strip = ({ list: _list, ...row }: WatchedClient & { list: string }): WatchedClient => row;
  return {
    margin: firm.nearMissMargin,
    draws: result.watched.map(({ number, kind }) => ({
      number,
      kind,
      above: counts.get(number)?.above ?? 0,
      newlyAbove: counts.get(number)?.newlyAbove ?? 0,
      nearMiss: counts.get(number)?.nearMiss ?? 0,
      newlyAboveClients: result.rows.filter((r) => r.list === "newlyAbove" && r.drawNumber === number).map(strip),
    })),
    nearMisses: result.rows.filter((r) => r.list === "nearMiss").map(strip),
    nearMissTotal: result.counts.reduce((sum, c) => sum + c.nearMiss, 0),
  };
}

/** The latest draw of each kind, with what the watch found for it (null: older than WATCH_DAYS). */
export type KindWatch = LatestOfKind & { watch: WatchedDraw | null };

export function withLatest(latest: LatestOfKind[], watch: DrawWatch): KindWatch[] {
  return latest.map((entry) => ({ ...entry, watch: watch.draws.find((d) => d.number === entry.draw.number) ?? null }));
}
