import type pg from "pg";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { PROFILE_VALIDITY_MONTHS } from "@/lib/deadlines/expiry";
import { CATEGORY_KINDS } from "@/lib/draws/kinds";

/**
 * The draw page written by hand: one statement that finds the draw, the previous draw of its kind
 * and the firm's near-miss margin itself, reads every client's score as of the draw in one ordered
 * pass over the score history, applies PRODUCT.md's eligibility rule and returns the listed clients
 * (above, newly above, near misses, and the closest 200 ineligible-but-close) with team and
 * consultant names, closest to the cut-off first. The app's extra steps (loading the draw, the
 * previous draw and the firm, grouping in JS) are what the ratio measures.
 */

export const INVITED = `('ita_received', 'application_submitted', 'landed')`;
export const CATEGORIES = `ARRAY[${CATEGORY_KINDS.map((k) => `'${k}'`).join(",")}]`;

function notInPool(c: string, d: string): string {
  return `(${c}."status" = 'prospect' OR ${c}."profileSubmittedAt" IS NULL OR ${c}."profileSubmittedAt" > ${d}.at)`;
}

/** eligibility.ts's tests, in its reasons' order: each names a reason why client `c` cannot be invited in draw `d` with score `crs`. */
function tests(c: string, d: string, crs: string): [string, string][] {
  const outOfPoolAt = `coalesce((${c}."profileExpiresOn" + 1)::timestamp AT TIME ZONE (SELECT tz FROM firm),
    ((((${c}."profileSubmittedAt" AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date + interval '${PROFILE_VALIDITY_MONTHS} months')::date + 1)::timestamp AT TIME ZONE '${DEFAULT_TIME_ZONE}'))`;
  return [
    ["withdrawn", `${c}."status" = 'withdrawn'`],
    ["closed", `${c}."status" = 'closed'`],
    ["not_in_pool", notInPool(c, d)],
    ["profile_expired", `NOT ${notInPool(c, d)} AND ${outOfPoolAt} <= ${d}.at`],
    ["already_invited", `${c}."status" IN ${INVITED} AND (${c}."invitedAt" IS NULL OR ${c}."invitedAt" < ${d}.at)`],
    ["language_test_expired", `${c}."languageTestExpiresOn" < ${d}."date"`],
    ["no_program", `NOT (${c}."programs" && ${d}.covered)`],
    ["no_nomination", `${d}."kind" = 'pnp' AND NOT (${c}."nominationProvince" IS NOT NULL AND ${c}."nominationProvince" !~ '^\\s*$'
      AND (${c}."nominatedOn" IS NULL OR ${c}."nominatedOn" <= ${d}."date"))`],
    ["no_category", `${d}."isCategory" AND NOT ${d}."kind" = ANY(${c}."categories")`],
    ["no_score", `${crs} IS NULL`],
  ];
}

/** The reasons as a text array (empty: eligible). */
export function reasons(c: string, d: string, crs: string): string {
  return `array_remove(ARRAY[${tests(c, d, crs).map(([reason, test]) => `CASE WHEN ${test} THEN '${reason}' END`).join(", ")}]::text[], NULL)`;
}

/** Eligible but for the score: the same tests as one short-circuiting condition, no array built. */
export function eligible(c: string, d: string): string {
  return tests(c, d, "0").filter(([reason]) => reason !== "no_score").map(([, test]) => `NOT coalesce(${test}, false)`).join("\n    AND ");
}

export function clears(c: string, d: string, crs: string): string {
  return `(${crs} > ${d}."cutoff" OR (${crs} = ${d}."cutoff" AND (${d}."tieBreakAt" IS NULL OR ${c}."profileSubmittedAt" <= ${d}."tieBreakAt")))`;
}

function statement(scoped: boolean): string {
  return `
WITH firm AS MATERIALIZED (SELECT f."timeZone" AS tz, f."nearMissMargin" AS margin FROM "Firm" f WHERE f."id" = $2),
draws AS (
  SELECT d."number", d."kind", d."cutoff", d."date", d."tieBreakAt",
    coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC') AS at,
    coalesce(nullif(substring(d."number" from '^[0-9]+'), '')::numeric, 0) AS seq,
    CASE WHEN coalesce(cardinality(d."programs"), 0) = 0 THEN ARRAY['FSW', 'CEC', 'FST'] ELSE d."programs" END AS covered,
    d."kind" = ANY(${CATEGORIES}) AS "isCategory"
  FROM "Draw" d
),
cur AS MATERIALIZED (SELECT * FROM draws WHERE "number" = $1),
prev AS MATERIALIZED (
  SELECT p.* FROM draws p, cur
  WHERE p."kind" = cur."kind" AND (p.at, p.seq, p."number") < (cur.at, cur.seq, cur."number")
  ORDER BY p.at DESC, p.seq DESC, p."number" DESC LIMIT 1
),
score AS (
  SELECT DISTINCT ON (s."clientId") s."clientId", s."crs"
  FROM "CrsScore" s, cur WHERE s."firmId" = $2 AND s."effectiveAt" <= cur.at
  ORDER BY s."clientId", s."effectiveAt" DESC
),
candidates AS MATERIALIZED (
  SELECT c."id", c."firstName", c."lastName", c."profileNumber", c."teamId", c."consultantId", c."status", c."profileSubmittedAt",
    c."profileExpiresOn", c."invitedAt", c."programs", c."categories", c."nominationProvince", c."nominatedOn", c."languageTestExpiresOn",
    s."crs", s."crs" - cur."cutoff" AS margin, ${reasons("c", "cur", "s.crs")} AS reasons, ${clears("c", "cur", "s.crs")} AS clears
  FROM cur
  JOIN score s ON s."crs" >= cur."cutoff" - (SELECT margin FROM firm)
  JOIN "Client" c ON c."firmId" = $2 AND c."id" = s."clientId"
  WHERE c."deletedAt" IS NULL AND c."archivedAt" IS NULL ${scoped ? `AND c."teamId" = ANY($3::uuid[])` : ""}
    AND (c."status" = 'profile_active' OR (c."status" IN ${INVITED} AND c."invitedAt" >= cur.at))
),
listed AS (
  SELECT k.*, cardinality(k.reasons) = 0 AND k.clears AS above,
    cardinality(k.reasons) = 0 AND k.clears AND NOT coalesce((
      SELECT cardinality(${reasons("k", "p", "ps.crs")}) = 0 AND ${clears("k", "p", "ps.crs")}
      FROM prev p LEFT JOIN LATERAL (
        SELECT s."crs" FROM "CrsScore" s WHERE s."firmId" = $2 AND s."clientId" = k."id" AND s."effectiveAt" <= p.at
        ORDER BY s."effectiveAt" DESC LIMIT 1
      ) ps ON true
    ), false) AS "newlyAbove",
    cardinality(k.reasons) = 0 AND NOT k.clears AS "nearMiss",
    cardinality(k.reasons) > 0 AND k."status" = 'profile_active' AS "ineligibleClose"
  FROM candidates k
),
ranked AS (
  SELECT l.*,
    row_number() OVER (PARTITION BY l."ineligibleClose" ORDER BY l.margin DESC, l."lastName", l."firstName", l."id") AS rn,
    count(*) FILTER (WHERE l."ineligibleClose") OVER () AS "closeTotal"
  FROM listed l
  WHERE l.above OR l."nearMiss" OR l."ineligibleClose"
)
SELECT r."id", r."firstName", r."lastName", r."profileNumber", r."teamId", t."name" AS "teamName", r."consultantId", u."name" AS "consultantName",
  r."crs", r.margin, r.reasons, r."profileSubmittedAt", r.above, r."newlyAbove", r."nearMiss", r."ineligibleClose", r."closeTotal",
  CASE WHEN r."crs" <> cur."cutoff" OR r."profileSubmittedAt" IS NULL THEN 'not_applicable' WHEN cur."tieBreakAt" IS NULL THEN 'no_tie_break_time'
    WHEN r."profileSubmittedAt" <= cur."tieBreakAt" THEN 'before' ELSE 'after' END AS "tieBreak"
FROM ranked r CROSS JOIN cur
JOIN "Team" t ON t."firmId" = $2 AND t."id" = r."teamId"
LEFT JOIN "User" u ON u."firmId" = $2 AND u."id" = r."consultantId"
WHERE NOT r."ineligibleClose" OR r.rn <= 200
ORDER BY r.margin DESC, r."lastName", r."firstName", r."id"`;
}

export interface RawImpact {
  counts: { above: number; newlyAbove: number; nearMiss: number; ineligibleCloseTotal: number };
}

export async function rawDrawImpact(pool: pg.Pool, scope: Scope, drawNumber: string): Promise<RawImpact> {
  const all = seesAllTeams(scope);
  const { rows } = await pool.query(statement(!all), all ? [drawNumber, scope.firmId] : [drawNumber, scope.firmId, scope.teamIds]);
  return {
    counts: {
      above: rows.filter((r) => r.above).length,
      newlyAbove: rows.filter((r) => r.newlyAbove).length,
      nearMiss: rows.filter((r) => r.nearMiss).length,
      ineligibleCloseTotal: Number(rows[0]?.closeTotal ?? 0),
    },
  };
}
