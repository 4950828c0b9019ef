import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { KIND_REQUIREMENTS, RELEVANT_KINDS, type RelevantKind } from "@/lib/clients/relevant-kinds";
import { CLIENT_STATUS_LABELS } from "@/lib/clients/status";
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, type DeadlineKind } from "@/lib/deadlines/client-deadlines";
import { MARGIN_RANK_SQL, MARGIN_SQL, OPEN_APPLICATION_DUE_SQL, requirementSql, rosterCtesSql } from "@/lib/db/clients/roster-sql";
import { DRAW_KINDS } from "@/lib/draws/kinds";
import { DRAW_KIND_SHORT } from "@/lib/reports/labels";

/**
 * The roster CSV as PostgreSQL alone would write it: `COPY (…) TO STDOUT (FORMAT csv, HEADER)`
 * streamed into a sink that discards the bytes. The same rows (the scope's unarchived clients, by
 * name) and the same 31 columns with the same values as the default roster report
 * (lib/reports/roster-columns.ts), computed in SQL: names, profile number, team, consultant, the
 * status's label, CRS, the margin to the latest relevant draw and its "CEC #417, cut-off 518"
 * text (the roster's own margin SQL), one margin per draw kind in the ledger, blank where the
 * kind is not relevant to the client, every deadline, the next deadline's label and its days left.
 * What the app adds over this is only how it does it: rules and labels in TypeScript, quoting
 * and formula neutralising in JS (bench data has no formula-like names, so the bytes agree).
 */

const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const caseOf = (expression: string, labels: Record<string, string>) =>
  `CASE ${expression} ${Object.entries(labels).map(([value, label]) => `WHEN ${lit(value)} THEN ${lit(label)}`).join(" ")} END`;

const DUE: Record<DeadlineKind, string> = {
  profile: `c."profileExpiresOn"`,
  application: `(${OPEN_APPLICATION_DUE_SQL})`,
  language_test: `c."languageTestExpiresOn"`,
  eca: `c."ecaExpiresOn"`,
  work_permit: `c."workPermitExpiresOn"`,
  passport: `c."passportExpiresOn"`,
};

function statement(scope: Scope, kindsInLedger: Set<string>, now: Date): string {
  const firm = lit(scope.firmId);
  const teams = seesAllTeams(scope) ? "" : `AND c."teamId" = ANY(ARRAY[${scope.teamIds.map(lit).join(",")}]::uuid[])`;
  const kinds = RELEVANT_KINDS.filter((k) => kindsInLedger.has(k));
  const perKind = DRAW_KINDS.filter((k): k is RelevantKind => kinds.includes(k as RelevantKind)).map(
    (k) => `CASE WHEN ${requirementSql(KIND_REQUIREMENTS[k])} THEN c."crs" - (SELECT l."cutoff" FROM latest l WHERE l."kind" = ${lit(k)}) END`,
  );
  const next = `LEAST(${DEADLINE_KINDS.map((k) => DUE[k]).join(", ")})`;
  const nextLabel = `CASE ${DEADLINE_KINDS.map((k) => `WHEN ${DUE[k]} = ${next} THEN ${lit(DEADLINE_KIND_LABELS[k])}`).join(" ")} END`;
  const drawText = `${caseOf(`r."kind"`, DRAW_KIND_SHORT)} || ' #' || r."number" || ', cut-off ' || r."cutoff"`;
  return `${rosterCtesSql(`${firm}::uuid`, `${lit(now.toISOString())}::timestamptz`, `ARRAY[${RELEVANT_KINDS.map(lit).join(",")}]::text[]`)},
labels AS MATERIALIZED (SELECT ARRAY(SELECT ${drawText} FROM ranked r ORDER BY r.rank) AS texts)
SELECT c."lastName", c."firstName", c."profileNumber", tm."name" AS team, us."name" AS consultant,
  ${caseOf(`c."status"::text`, CLIENT_STATUS_LABELS)} AS status, c."crs",
  ${MARGIN_SQL} AS margin, (SELECT texts FROM labels)[${MARGIN_RANK_SQL}] AS "marginDraw",
  ${perKind.join(",\n  ")},
  ${DEADLINE_KINDS.map((k) => DUE[k]).join(", ")},
  ${nextLabel} AS "nextDeadline", ${next} - (SELECT d FROM today) AS "daysToNext"
FROM "Client" c CROSS JOIN lc
JOIN "Team" tm ON tm."firmId" = c."firmId" AND tm."id" = c."teamId"
LEFT JOIN "User" us ON us."firmId" = c."firmId" AND us."id" = c."consultantId"
WHERE c."firmId" = ${firm}::uuid AND c."deletedAt" IS NULL AND c."archivedAt" IS NULL ${teams}
ORDER BY c."lastName", c."firstName", c."id"`;
}

export async function rawCsvCopy(pool: pg.Pool, scope: Scope, now = new Date()): Promise<{ bytes: number; rows: number }> {
  const client = await pool.connect();
  try {
    // Which kinds have a draw decides which margin columns the report has, as in the app's header query.
    const { rows: kinds } = await client.query<{ kind: string }>(`SELECT DISTINCT "kind" FROM "Draw"`);
    const sql = statement(scope, new Set(kinds.map((k) => k.kind)), now);
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
    await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT csv, HEADER)`)), sink);
    return { bytes, rows: lines - 1 };
  } finally {
    client.release();
  }
}

/** The statement alone, for checking it against the app's CSV. */
export const rawCsvStatement = statement;
