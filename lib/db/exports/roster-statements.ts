import "server-only";
import pg from "pg";
import type { Scope } from "@/lib/auth/scope";
import { RELEVANT_KINDS } from "@/lib/clients/relevant-kinds";
import type { RosterColumn, RosterQuery } from "@/lib/clients/roster-query";
import type { ClientStatus } from "@/lib/clients/status";
import type { RosterReportRow } from "@/lib/reports/roster-columns";
import type { TextRow } from "./snapshot";
import { OPEN_APPLICATION_DUE_SQL, Params, ROSTER_SORT_KEYS, rosterCtesSql, rosterWhereSql, SORT_JOINS } from "../clients/roster-sql";

/**
 * The roster's query without pages, for exports: the same filters and the same order as the
 * roster page (both built from clients/roster-sql.ts), every row in one statement that a server-side
 * cursor reads in batches. exports.integration.test.ts holds the two together: for every filter
 * and sort the export's rows equal the roster's pages laid end to end.
 */

/** Wall-clock text in the firm's zone: the report shows firm time, and to_char is far cheaper than JS zone maths per row. */
const local = (column: string) => `to_char(${column} AT TIME ZONE (SELECT t.tz FROM today t), 'YYYY-MM-DD"T"HH24:MI:SS')`;

export interface RosterExportStatements {
  /** Parameters of `count` and `rows`. */
  params: unknown[];
  /** Parameters of `header`, which uses only the CTEs' (PostgreSQL refuses unused ones). */
  headerParams: unknown[];
  /** today (firm zone, text), tz, and the latest draw of each relevant kind (newest first, JSON). */
  header: string;
  count: string;
  /** The rows, in RosterReportRow's field order (ROW_FIELDS); read them with `rosterReportRows()`. */
  rows: string;
}

/** The export's statements; all share `params`. */
export function rosterExportStatements(scope: Scope, query: RosterQuery, now: Date): RosterExportStatements {
  const params = new Params();
  const firm = params.add(scope.firmId, "uuid");
  const nowParam = params.add(now.toISOString(), "timestamptz");
  const kinds = params.add(RELEVANT_KINDS, "text[]");
  const headerParams = [...params.values];
  const where = rosterWhereSql(scope, query, params).filters;
  const sort = ROSTER_SORT_KEYS[query.sort];
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const orderBy = [...sort.keys.map((key) => `${key} ${dir} NULLS LAST`), `c."id" ${dir}`].join(", ");
  const ctes = rosterCtesSql(firm, nowParam, kinds);
  // Optional columns the view does not show are not read: the report has no column for them
  // (lib/reports/roster-columns.ts builds its columns from the same `cols`), and at 100,000 rows
  // each one is a to_char or a string PostgreSQL formats and the driver parses for nothing.
  const cols: readonly string[] = query.cols;
  const shown = (col: RosterColumn, sql: string) => (cols.includes(col) ? sql : "NULL::text");
  return {
    params: params.values,
    headerParams,
    header: `${ctes}
SELECT (SELECT d FROM today)::text AS today, (SELECT tz FROM today) AS "timeZone",
  (SELECT coalesce(json_agg(json_build_object('kind', r."kind", 'drawNumber', r."number", 'cutoff', r."cutoff", 'date', r."date") ORDER BY r.rank), '[]')
     FROM ranked r) AS latest`,
    count: `${ctes}
SELECT count(*)::int AS total FROM "Client" c WHERE ${where}`,
    rows: `${ctes}
SELECT ${rowFields(shown).join(", ")}
FROM "Client" c ${sort.join ? SORT_JOINS[sort.join] : ""}
JOIN "Team" tm ON tm."firmId" = c."firmId" AND tm."id" = c."teamId"
LEFT JOIN "User" us ON us."firmId" = c."firmId" AND us."id" = c."consultantId"
WHERE ${where}
ORDER BY ${orderBy}`,
  };
}

type Shown = (col: RosterColumn, sql: string) => string;

/** The SELECT list, one entry per RosterReportRow field, in the order rosterReportRows() reads. */
function rowFields(shown: Shown): string[] {
  return [
    `c."id"`,
    `c."firstName"`,
    `c."lastName"`,
    `${shown("email", `c."email"`)} AS "email"`,
    `c."profileNumber"`,
    `tm."name" AS "teamName"`,
    `us."name" AS "consultantName"`,
    `c."status"::text AS "status"`,
    `c."crs"`,
    `c."programs"`,
    `c."categories"`,
    `c."nominationProvince"`,
    `${shown("profileSubmittedAt", local(`c."profileSubmittedAt"`))} AS "profileSubmittedAt"`,
    `c."profileExpiresOn"::text AS "profileExpiresOn"`,
    `c."languageTestExpiresOn"::text AS "languageTestExpiresOn"`,
    `c."ecaExpiresOn"::text AS "ecaExpiresOn"`,
    `c."workPermitExpiresOn"::text AS "workPermitExpiresOn"`,
    `c."passportExpiresOn"::text AS "passportExpiresOn"`,
    `(${OPEN_APPLICATION_DUE_SQL})::text AS "applicationDueOn"`,
    `c."itaRound"`,
    `c."archivedAt" IS NOT NULL AS "archived"`,
    `${shown("updatedAt", local(`c."updatedAt"`))} AS "updatedAt"`,
  ];
}

/** PostgreSQL's text[] parser (the driver's own), for programs and categories. */
const TEXT_ARRAY_OID = 1009; // pg's TypeId lists scalar types only
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY_OID as Parameters<typeof pg.types.getTypeParser>[0], "text");

/** Distinct array texts remembered per export; far more than the program and category combinations a firm has. */
const ARRAY_CACHE_LIMIT = 1_000;

/**
 * A reader of the rows statement's text rows (snapshot.batches). Programs and categories repeat
 * across clients ("{CEC}", "{CEC,FSW}"), so each distinct text is parsed once and its array shared
 * by the rows that have it: callers must not change them.
 */
export function rosterReportRows(): (fields: TextRow) => RosterReportRow {
  const arrays = new Map<string, string[]>();
  const array = (text: string | null): string[] => {
    if (text === null) return [];
    let parsed = arrays.get(text);
    if (parsed === undefined) {
      parsed = parseTextArray(text) as string[];
      if (arrays.size < ARRAY_CACHE_LIMIT) arrays.set(text, parsed);
    }
    return parsed;
  };
  return (f) => ({
    id: f[0]!,
    firstName: f[1]!,
    lastName: f[2]!,
    email: f[3],
    profileNumber: f[4],
    teamName: f[5]!,
    consultantName: f[6],
    status: f[7] as ClientStatus,
    crs: f[8] === null ? null : Number(f[8]),
    programs: array(f[9]),
    categories: array(f[10]),
    nominationProvince: f[11],
    profileSubmittedAt: f[12],
    profileExpiresOn: f[13],
    languageTestExpiresOn: f[14],
    ecaExpiresOn: f[15],
    workPermitExpiresOn: f[16],
    passportExpiresOn: f[17],
    applicationDueOn: f[18],
    itaRound: f[19],
    archived: f[20] === "t",
    updatedAt: f[21],
  });
}
