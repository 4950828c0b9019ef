import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { KIND_REQUIREMENTS, type KindRequirement, RELEVANT_KINDS, type RelevantKind } from "@/lib/clients/relevant-kinds";
import type { RosterQuery, RosterSort } from "@/lib/clients/roster-query";
import { clientScopeSql } from "../scope";

/**
 * The roster's SQL fragments, shared by the roster page (clients/roster.ts) and the roster
 * exports (exports/roster-statements.ts) so an export always filters and sorts exactly as the screen.
 * Every fragment is over alias `c`; every value from a query travels as a parameter.
 *
 * Margin: the latest draw of each kind is computed once (≈15 rows, CTE `ranked`, newest first);
 * a client's margin draw is the first of those whose kind is relevant to the client
 * (lib/clients/relevant-kinds.ts). For sorting by margin that choice is one LEAST() over per-kind
 * ranks, generated from KIND_REQUIREMENTS — a per-row expression with no subquery.
 *
 * above:KIND / below:KIND apply IRCC's tie-break like isAboveCutoff: equal to the cut-off counts as
 * above when submitted at or before the draw's tie-break time (or when the draw published none).
 */

export const SEARCH_SQL = `lower(c."firstName" || ' ' || c."lastName" || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."profileNumber", ''))`;
/** The application's due date counts only while the invitation is open (an answered ITA has none). */
export const OPEN_APPLICATION_DUE_SQL = `CASE WHEN c."status" = 'ita_received' THEN c."applicationDueOn" END`;
export const NEXT_DEADLINE_SQL = `LEAST(c."profileExpiresOn", c."languageTestExpiresOn", c."ecaExpiresOn", c."workPermitExpiresOn", c."passportExpiresOn",
  ${OPEN_APPLICATION_DUE_SQL})`;

/** Literals inlined into SQL come from code constants only; this refuses anything else. */
function literal(value: string): string {
  if (!/^[A-Za-z_]+$/.test(value)) throw new Error(`unsafe SQL literal ${value}`);
  return `'${value}'`;
}

export function requirementSql(requirement: KindRequirement): string {
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

/**
 * Rank (1 = newest) of the client's latest relevant draw: the least rank among the kinds the
 * client can be eligible for. `lc.r1`… hold each RELEVANT_KINDS position's rank as a plain int
 * (array subscripts per row cost twice as much). General draws are relevant to everyone, so a kind
 * whose latest draw is older than general's cannot win: the int comparison skips its array test,
 * and clients without categories (about half) skip the category tests altogether.
 */
const GENERAL_RANK = `lc.r${RELEVANT_KINDS.indexOf("general") + 1}`;
function rankTerm(kind: RelevantKind): string {
  const requirement = KIND_REQUIREMENTS[kind];
  const rank = `lc.r${RELEVANT_KINDS.indexOf(kind) + 1}`;
  if (requirement.needs === "nothing") return rank;
  return `CASE WHEN ${rank} < coalesce(${GENERAL_RANK}, 2147483647) AND ${requirementSql(requirement)} THEN ${rank} END`;
}
const isCategory = (kind: RelevantKind) => KIND_REQUIREMENTS[kind].needs === "category";
export const MARGIN_RANK_SQL = `LEAST(${[
  ...RELEVANT_KINDS.filter((kind) => !isCategory(kind)).map(rankTerm),
  `CASE WHEN c."categories" <> '{}' THEN LEAST(${RELEVANT_KINDS.filter(isCategory).map(rankTerm).join(", ")}) END`,
].join(", ")})`;
export const MARGIN_SQL = `(c."crs" - lc.cutoffs[${MARGIN_RANK_SQL}])`;
const LC_RANK_COLUMNS = RELEVANT_KINDS.map((kind, i) => `(SELECT r.rank FROM ranked r WHERE r."kind" = ${literal(kind)}) AS r${i + 1}`).join(",\n    ");

/** What the search's materialised hits keep: every column a filter, a sort key or a join reads. */
export const HIT_COLUMNS = ["firmId", "id", "teamId", "consultantId", "firstName", "lastName", "email", "profileNumber", "status", "crs",
  "programs", "categories", "nominationProvince", "profileSubmittedAt", "profileExpiresOn", "updatedAt"].map((col) => `c."${col}"`).join(", ");

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

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
  // The plain range first: an index condition the planner can use (crs index), the rest refines it.
  if (side === "above") {
    return `(c."crs" >= ${cut} AND ${has} AND (c."crs" > ${cut} OR ${tb} IS NULL OR c."profileSubmittedAt" <= ${tb}))`;
  }
  return `(c."crs" <= ${cut} AND ${has} AND (c."crs" < ${cut} OR (${tb} IS NOT NULL AND (c."profileSubmittedAt" IS NULL OR c."profileSubmittedAt" > ${tb}))))`;
}

/** The filters as SQL over alias `c`, and the scope alone (its parameters are added once, shared). */
export function rosterWhereSql(scope: Scope, query: RosterQuery, params: Params): { filters: string; scope: string } {
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
  if (query.ita === "open") where.push(`c."status" = 'ita_received'`);
  if (query.expiringWithin !== undefined) {
    where.push(`${NEXT_DEADLINE_SQL} <= (SELECT d FROM today) + ${params.add(query.expiringWithin, "int")}`);
  }
  if (query.cutoff) where.push(cutoffFilterSql(query.cutoff, params));
  return { filters: where.join(" AND "), scope: scoped.sql };
}

/** What a sort key needs joined in the page's inner query. */
export const SORT_JOINS = { margin: "CROSS JOIN lc" } as const;

/**
 * Sort keys with their SQL. Team and consultant sort by name through the position of the id in
 * the names' order (a few ids, looked up once) rather than a join: one index-only scan of the
 * roster index and a top-N sort, 40% faster than joining 100,000 rows.
 */
export const ROSTER_SORT_KEYS: Record<RosterSort, { keys: string[]; join?: keyof typeof SORT_JOINS }> = {
  name: { keys: [`c."lastName"`, `c."firstName"`] },
  email: { keys: [`lower(c."email")`] },
  profileNumber: { keys: [`c."profileNumber"`] },
  team: { keys: [`array_position((SELECT o.ids FROM team_order o), c."teamId")`, `c."lastName"`, `c."firstName"`] },
  consultant: { keys: [`array_position((SELECT o.ids FROM consultant_order o), c."consultantId")`, `c."lastName"`, `c."firstName"`] },
  status: { keys: [`c."status"`, `c."lastName"`, `c."firstName"`] },
  crs: { keys: [`c."crs"`] },
  margin: { keys: [MARGIN_SQL], join: "margin" },
  profileSubmittedAt: { keys: [`c."profileSubmittedAt"`] },
  profileExpiresOn: { keys: [`c."profileExpiresOn"`] },
  updatedAt: { keys: [`c."updatedAt"`] },
};

/**
 * The CTEs both statements start with: latest draw per kind and their ranks (`latest`, `ranked`,
 * `lc`), the firm's team and consultant name orders, and today and the time zone of the firm.
 */
export function rosterCtesSql(firm: string, nowParam: string, kinds: string): string {
  return `
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
}
