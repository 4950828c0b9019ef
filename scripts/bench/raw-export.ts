import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";

/**
 * The roster CSV as PostgreSQL alone would write it: `COPY (…) TO STDOUT (FORMAT csv, HEADER)`
 * streamed into a sink that discards the bytes. The same rows (the scope's unarchived clients, by
 * name) and the same columns as the default roster report (lib/reports/roster-columns.ts): names,
 * profile number, team, consultant, status, CRS, the margin to the latest relevant draw and to the
 * latest draw of each kind, every deadline, the next deadline and its days left. What the app adds
 * over this is its own work: labels, per-row rules in TypeScript, CSV quoting in JS.
 */

const DEADLINES = [`c."profileExpiresOn"`, `c."languageTestExpiresOn"`, `c."ecaExpiresOn"`, `c."workPermitExpiresOn"`, `c."passportExpiresOn"`, `c."applicationDueOn"`];

function statement(scope: Scope): { sql: string; params: unknown[] } {
  const teams = seesAllTeams(scope) ? "" : `AND c."teamId" = ANY($2::uuid[])`;
  const sql = `
WITH latest AS MATERIALIZED (
  SELECT DISTINCT ON (d."kind") d."kind", d."number", d."cutoff" FROM "Draw" d WHERE d."kind" <> 'unrecognised'
  ORDER BY d."kind", d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC
), cut AS (SELECT (SELECT "cutoff" FROM latest WHERE "kind" = 'cec') AS cec, (SELECT "cutoff" FROM latest WHERE "kind" = 'pnp') AS pnp,
  (SELECT "cutoff" FROM latest WHERE "kind" = 'general') AS general, (SELECT "cutoff" FROM latest WHERE "kind" = 'french') AS french,
  (SELECT "cutoff" FROM latest WHERE "kind" = 'healthcare') AS healthcare)
SELECT c."lastName", c."firstName", c."profileNumber", t."name" AS team, u."name" AS consultant, c."status", c."crs",
  c."crs" - CASE WHEN c."nominationProvince" IS NOT NULL THEN cut.pnp WHEN 'CEC' = ANY(c."programs") THEN cut.cec ELSE cut.general END AS margin,
  CASE WHEN c."nominationProvince" IS NOT NULL THEN 'PNP' WHEN 'CEC' = ANY(c."programs") THEN 'CEC' ELSE 'General' END AS "marginDraw",
  c."crs" - cut.cec AS margin_cec, c."crs" - cut.pnp AS margin_pnp, c."crs" - cut.general AS margin_general,
  c."crs" - cut.french AS margin_french, c."crs" - cut.healthcare AS margin_healthcare,
  ${DEADLINES.join(", ")},
  LEAST(${DEADLINES.join(", ")}) AS "nextDeadline", LEAST(${DEADLINES.join(", ")}) - current_date AS "daysToNext"
FROM "Client" c CROSS JOIN cut
JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"
WHERE c."firmId" = $1 AND c."deletedAt" IS NULL AND c."archivedAt" IS NULL ${teams}
ORDER BY c."lastName", c."firstName", c."id"`;
  return { sql, params: seesAllTeams(scope) ? [scope.firmId] : [scope.firmId, scope.teamIds] };
}

/** Literal values for COPY, which takes no parameters. */
function inline(sql: string, params: unknown[]): string {
  return params.reduceRight<string>((text, value, i) => {
    const literal = Array.isArray(value) ? `ARRAY[${value.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(",")}]` : `'${String(value).replace(/'/g, "''")}'`;
    return text.replaceAll(`$${i + 1}`, literal);
  }, sql);
}

export async function rawCsvCopy(pool: pg.Pool, scope: Scope): Promise<{ bytes: number; rows: number }> {
  const { sql, params } = statement(scope);
  const client = await pool.connect();
  try {
    let bytes = 0;
    let lines = 0;
    const sink = new Writable({
      highWaterMark: 256 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        callback();
      },
    });
    await pipeline(client.query(copyTo(`COPY (${inline(sql, params)}) TO STDOUT (FORMAT csv, HEADER)`)), sink);
    return { bytes, rows: lines - 1 };
  } finally {
    client.release();
  }
}
