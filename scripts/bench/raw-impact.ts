import type pg from "pg";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { CATEGORY_KINDS } from "@/lib/draws/kinds";

/**
 * The draw page written by hand. The app reads the round's precomputed DrawResult rows (stored once
 * per firm and round, kept current by client edits), so the raw side reads the same rows: one
 * statement through `pg` with team and consultant names, closest to the cut-off first. The app's
 * extra steps (loading the draw, the previous draw and the firm, checking the round is stored,
 * grouping in JS) are what the ratio measures.
 */

/** The category kinds as an SQL array (the dashboard's raw side tells category rounds by them). */
export const CATEGORIES = `ARRAY[${CATEGORY_KINDS.map((k) => `'${k}'`).join(",")}]`;

/**
 * The draw page from the stored results, as a DBA would read them: the round's listed rows (above,
 * newly above, near misses) with names, plus the closest 200 (CLOSE_LIMIT) ineligible-but-close (the
 * top by margin, ties kept, joined to names and cut to the page's order) and their total. The app
 * reads the same DrawResult rows (lib/db/draws/impact-read.ts); both leave out rows of clients
 * deleted since, and a consultant sees their teams' rows.
 */
const CLOSE_LIMIT = 200;

function statement(scoped: boolean): string {
  const scope = (a: string) => (scoped ? `AND ${a}."teamId" = ANY($3::uuid[])` : "");
  const listed = (where: string) => `
  SELECT r."clientId", c."firstName", c."lastName", c."profileNumber", c."teamId", t."name" AS "teamName", c."consultantId", u."name" AS "consultantName",
    r."crs", r."margin", r."reasons", r."tieBreak", r."status" AS "result", c."status"::text AS "status", c."profileSubmittedAt"
  FROM ${where}
  JOIN "Client" c ON c."firmId" = r."firmId" AND c."id" = r."clientId" AND c."deletedAt" IS NULL ${scope("c")}
  JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
  LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"`;
  return `
SELECT l.*, (SELECT count(*) FROM "DrawResult" r WHERE r."firmId" = $2 AND r."drawNumber" = $1 AND r."status" = 'ineligible_close' ${scope("r")}) AS "closeTotal"
FROM (${listed(`"DrawResult" r`)}
  WHERE r."firmId" = $2 AND r."drawNumber" = $1 AND r."status" <> 'ineligible_close' ${scope("r")}
  UNION ALL
  (${listed(`(SELECT * FROM "DrawResult" r WHERE r."firmId" = $2 AND r."drawNumber" = $1 AND r."status" = 'ineligible_close' ${scope("r")}
      ORDER BY r."margin" DESC FETCH FIRST ${CLOSE_LIMIT} ROWS WITH TIES) r`)}
   ORDER BY r."margin" DESC, c."lastName", c."firstName", r."clientId" LIMIT ${CLOSE_LIMIT})
) l
ORDER BY l."margin" DESC, l."lastName", l."firstName", l."clientId"`;
}

/** What the draw page shows, as both sides must agree on it: counts, and each list's clients in order. */
export interface RawImpact {
  counts: { above: number; newlyAbove: number; nearMiss: number; ineligibleCloseTotal: number };
  lists: { above: string[]; newlyAbove: string[]; nearMiss: string[]; ineligibleClose: string[] };
}

export async function rawDrawImpact(pool: pg.Pool, scope: Scope, drawNumber: string): Promise<RawImpact> {
  const all = seesAllTeams(scope);
  const { rows } = await pool.query(statement(!all), all ? [drawNumber, scope.firmId] : [drawNumber, scope.firmId, scope.teamIds]);
  const ids = (keep: (result: string) => boolean) => rows.filter((r) => keep(r.result)).map((r) => r.clientId as string);
  const lists = {
    above: ids((r) => r === "above" || r === "newly_above"),
    newlyAbove: ids((r) => r === "newly_above"),
    nearMiss: ids((r) => r === "near_miss"),
    ineligibleClose: ids((r) => r === "ineligible_close"),
  };
  return {
    counts: { above: lists.above.length, newlyAbove: lists.newlyAbove.length, nearMiss: lists.nearMiss.length, ineligibleCloseTotal: Number(rows[0]?.closeTotal ?? 0) },
    lists,
  };
}
