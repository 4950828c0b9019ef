import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { KIND_REQUIREMENTS, type KindRequirement, RELEVANT_KINDS, type RelevantKind } from "@/lib/clients/relevant-kinds";
import type { RosterQuery, RosterSort } from "@/lib/clients/roster-query";
import { clientScopeSql } from "./scope";

/**
 * The roster's query without pages, for exports: the same filters and the same order as
 * lib/db/clients-roster.ts (whose builder is private to it), every row in one statement that a
 * server-side cursor reads in batches. exports.integration.test.ts holds the two together: for
 * every filter and sort the export's rows equal the roster's pages laid end to end.
 *
 * Margin sorting: the roster ranks the latest draw of each relevant kind and picks, per client,
 * the newest one relevant to them; written here as the same LEAST() over per-kind ranks.
 */

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** Literals inlined into SQL come from code constants only; this refuses anything else. */
function literal(value: string): string {
  if (!/^[A-Za-z_]+$/.test(value)) throw new Error(`unsafe SQL literal ${value}`);
  return `'${value}'`;
}

function requirementSql(requirement: KindRequirement): string {
  switch (requirement.needs) {
    case "nothing":
      return "TRUE";
    case "program":
      return `${literal(requirement.program)} = ANY(c."programs")`;
    case "nomination":
      return `c."nominationProvince" IS NOT NULL`;
    case "category":
      return `${literal(requirement.category)} = ANY(c."categories")`;
  }
}

const SEARCH_SQL = `lower(c."firstName" || ' ' || c."lastName" || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."profileNumber", ''))`;
const NEXT_DEADLINE_SQL = `LEAST(c."profileExpiresOn", c."languageTestExpiresOn", c."ecaExpiresOn", c."workPermitExpiresOn", c."passportExpiresOn")`;

const MARGIN_RANK_SQL = `LEAST(${RELEVANT_KINDS.map((kind, i) => {
  const requirement = KIND_REQUIREMENTS[kind];
  return requirement.needs === "nothing" ? `lc.r${i + 1}` : `CASE WHEN ${requirementSql(requirement)} THEN lc.r${i + 1} END`;
}).join(", ")})`;
const MARGIN_SQL = `(c."crs" - lc.cutoffs[${MARGIN_RANK_SQL}])`;
const LC_RANK_COLUMNS = RELEVANT_KINDS.map((kind, i) => `(SELECT r.rank FROM ranked r WHERE r."kind" = ${literal(kind)}) AS r${i + 1}`).join(",\n    ");

const SORT_KEYS: Record<RosterSort, string[]> = {
  name: [`c."lastName"`, `c."firstName"`],
  email: [`lower(c."email")`],
  profileNumber: [`c."profileNumber"`],
  team: [`array_position((SELECT o.ids FROM team_order o), c."teamId")`, `c."lastName"`, `c."firstName"`],
  consultant: [`array_position((SELECT o.ids FROM consultant_order o), c."consultantId")`, `c."lastName"`, `c."firstName"`],
  status: [`c."status"`, `c."lastName"`, `c."firstName"`],
  crs: [`c."crs"`],
  margin: [MARGIN_SQL],
  profileSubmittedAt: [`c."profileSubmittedAt"`],
  profileExpiresOn: [`c."profileExpiresOn"`],
  updatedAt: [`c."updatedAt"`],
};

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function cutoffFilterSql(cutoff: string, params: Params): string {
  const [side, kind] = cutoff.split(":") as ["above" | "below", string];
  if (!(RELEVANT_KINDS as readonly string[]).includes(kind)) return "FALSE";
  const has = requirementSql(KIND_REQUIREMENTS[kind as RelevantKind]);
  const k = params.add(kind, "text");
  const cut = `(SELECT l."cutoff" FROM latest l WHERE l."kind" = ${k})`;
  const tb = `(SELECT l."tieBreakAt" FROM latest l WHERE l."kind" = ${k})`;
  if (side === "above") {
    return `(c."crs" >= ${cut} AND ${has} AND (c."crs" > ${cut} OR ${tb} IS NULL OR c."profileSubmittedAt" <= ${tb}))`;
  }
  return `(c."crs" <= ${cut} AND ${has} AND (c."crs" < ${cut} OR (${tb} IS NOT NULL AND (c."profileSubmittedAt" IS NULL OR c."profileSubmittedAt" > ${tb}))))`;
}

function whereSql(scope: Scope, query: RosterQuery, params: Params): string {
  const scoped = clientScopeSql(scope, params.values.length + 1);
  params.values.push(...scoped.params);
  const where = [scoped.sql];
  if (query.archived === "exclude") where.push(`c."archivedAt" IS NULL`);
  if (query.archived === "only") where.push(`c."archivedAt" IS NOT NULL`);
  if (query.q) where.push(`${SEARCH_SQL} LIKE ${params.add(likePattern(query.q), "text")}`);
  if (query.team.length) where.push(`c."teamId" = ANY(${params.add(query.team, "uuid[]")})`);
  if (query.consultant.length) where.push(`c."consultantId" = ANY(${params.add(query.consultant, "uuid[]")})`);
  if (query.status.length) where.push(`c."status" = ANY(${params.add(query.status, `"ClientStatus"[]`)})`);
  if (query.program.length) where.push(`c."programs" && ${params.add(query.program, "text[]")}`);
  if (query.category.length) where.push(`c."categories" && ${params.add(query.category, "text[]")}`);
  if (query.crsMin !== undefined) where.push(`c."crs" >= ${params.add(query.crsMin, "int")}`);
  if (query.crsMax !== undefined) where.push(`c."crs" <= ${params.add(query.crsMax, "int")}`);
  if (query.expiringWithin !== undefined) where.push(`${NEXT_DEADLINE_SQL} <= (SELECT d FROM today) + ${params.add(query.expiringWithin, "int")}`);
  if (query.cutoff) where.push(cutoffFilterSql(query.cutoff, params));
  return where.join(" AND ");
}

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
  rows: string;
}

/** The export's statements; all share `params`. */
export function rosterExportStatements(scope: Scope, query: RosterQuery, now: Date): RosterExportStatements {
  const params = new Params();
  const firm = params.add(scope.firmId, "uuid");
  const nowParam = params.add(now.toISOString(), "timestamptz");
  const kinds = params.add(RELEVANT_KINDS, "text[]");
  const headerParams = [...params.values];
  const where = whereSql(scope, query, params);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const orderBy = [...SORT_KEYS[query.sort].map((key) => `${key} ${dir} NULLS LAST`), `c."id" ${dir}`].join(", ");
  const ctes = `
WITH latest AS MATERIALIZED (
  SELECT DISTINCT ON (d."kind") d."kind", d."number", d."cutoff", d."date", d."tieBreakAt", d."drawnAt"
  FROM "Draw" d WHERE d."kind" = ANY(${kinds})
  ORDER BY d."kind", d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC
), ranked AS MATERIALIZED (
  SELECT l.*, row_number() OVER (ORDER BY l."date" DESC, l."drawnAt" DESC NULLS LAST, l."number" DESC)::int AS rank FROM latest l
), lc AS MATERIALIZED (
  SELECT ${LC_RANK_COLUMNS},
    ARRAY(SELECT r."cutoff" FROM ranked r ORDER BY r.rank) AS cutoffs
), team_order AS MATERIALIZED (
  SELECT array_agg(t."id" ORDER BY t."name", t."id") AS ids FROM "Team" t WHERE t."firmId" = ${firm}
), consultant_order AS MATERIALIZED (
  SELECT array_agg(u."id" ORDER BY u."name", u."id") AS ids FROM "User" u WHERE u."firmId" = ${firm}
), today AS MATERIALIZED (
  SELECT (${nowParam} AT TIME ZONE f."timeZone")::date AS d, f."timeZone" AS tz FROM "Firm" f WHERE f."id" = ${firm}
)`;
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
SELECT c."id", c."firstName", c."lastName", c."email", c."profileNumber", tm."name" AS "teamName", us."name" AS "consultantName",
  c."status"::text AS "status", c."crs", c."programs", c."categories", c."nominationProvince",
  ${local(`c."profileSubmittedAt"`)} AS "profileSubmittedAt",
  c."profileExpiresOn"::text AS "profileExpiresOn", c."languageTestExpiresOn"::text AS "languageTestExpiresOn",
  c."ecaExpiresOn"::text AS "ecaExpiresOn", c."workPermitExpiresOn"::text AS "workPermitExpiresOn",
  c."passportExpiresOn"::text AS "passportExpiresOn", c."archivedAt" IS NOT NULL AS "archived",
  ${local(`c."updatedAt"`)} AS "updatedAt"
FROM "Client" c ${query.sort === "margin" ? "CROSS JOIN lc" : ""}
JOIN "Team" tm ON tm."firmId" = c."firmId" AND tm."id" = c."teamId"
LEFT JOIN "User" us ON us."firmId" = c."firmId" AND us."id" = c."consultantId"
WHERE ${where}
ORDER BY ${orderBy}`,
  };
}
