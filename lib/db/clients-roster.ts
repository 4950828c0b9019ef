import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { RosterQuery, RosterSort } from "@/lib/clients/roster-query";
import { KIND_REQUIREMENTS, type KindRequirement, RELEVANT_KINDS, type RelevantKind, marginAgainstLatest } from "@/lib/clients/relevant-kinds";
import type { ClientStatus } from "@/lib/clients/status";
import { DEADLINE_KINDS, type DeadlineKind, bandForDaysLeft } from "@/lib/deadlines";
import type { DrawKind, Program } from "@/lib/draws/kinds";
import type { LatestCutoff, RosterDeadline, RosterPage, RosterRow } from "./clients";
import { prisma } from "./prisma";
import { clientScopeSql } from "./scope";

/**
 * The roster: one SQL statement per page (filter, sort, page, count and the latest cut-offs), so
 * it stays fast at 100,000 clients. The statement is assembled from fixed fragments; every value
 * from the query travels as a parameter.
 *
 * Margin: the latest draw of each kind is computed once (≈15 rows, CTE `ranked`, newest first);
 * a client's margin draw is the first of those whose kind is relevant to the client
 * (lib/clients/relevant-kinds.ts). For sorting by margin that choice is one LEAST() over per-kind
 * ranks, generated from KIND_REQUIREMENTS — a per-row expression with no subquery, cheap enough
 * for 100,000 rows. The page's rows get their margin from the same pure function in JS.
 *
 * above:KIND / below:KIND apply IRCC's tie-break like isAboveCutoff: equal to the cut-off counts as
 * above when submitted at or before the draw's tie-break time (or when the draw published none).
 */

const SEARCH_SQL = `lower(c."firstName" || ' ' || c."lastName" || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."profileNumber", ''))`;
const NEXT_DEADLINE_SQL = `LEAST(c."profileExpiresOn", c."languageTestExpiresOn", c."ecaExpiresOn", c."workPermitExpiresOn", c."passportExpiresOn")`;

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
const MARGIN_RANK_SQL = `LEAST(${[
  ...RELEVANT_KINDS.filter((kind) => !isCategory(kind)).map(rankTerm),
  `CASE WHEN c."categories" <> '{}' THEN LEAST(${RELEVANT_KINDS.filter(isCategory).map(rankTerm).join(", ")}) END`,
].join(", ")})`;
const MARGIN_SQL = `(c."crs" - lc.cutoffs[${MARGIN_RANK_SQL}])`;
const LC_RANK_COLUMNS = RELEVANT_KINDS.map((kind, i) => `(SELECT r.rank FROM ranked r WHERE r."kind" = ${literal(kind)}) AS r${i + 1}`).join(",\n    ");

/** What the search's materialised hits keep: every column a filter, a sort key or a join reads. */
const HIT_COLUMNS = ["firmId", "id", "teamId", "consultantId", "firstName", "lastName", "email", "profileNumber", "status", "crs",
  "programs", "categories", "nominationProvince", "profileSubmittedAt", "profileExpiresOn", "updatedAt"].map((col) => `c."${col}"`).join(", ");

class Params {
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
function whereSql(scope: Scope, query: RosterQuery, params: Params): { filters: string; scope: string } {
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
  if (query.expiringWithin !== undefined) {
    where.push(`${NEXT_DEADLINE_SQL} <= (SELECT d FROM today) + ${params.add(query.expiringWithin, "int")}`);
  }
  if (query.cutoff) where.push(cutoffFilterSql(query.cutoff, params));
  return { filters: where.join(" AND "), scope: scoped.sql };
}

/** What a sort key needs joined in the page's inner query. */
const SORT_JOINS = { margin: "CROSS JOIN lc" } as const;

/**
 * Sort keys with their SQL. Team and consultant sort by name through the position of the id in
 * the names' order (a few ids, looked up once) rather than a join: one index-only scan of the
 * roster index and a top-N sort, 40% faster than joining 100,000 rows.
 */
const SORT_KEYS: Record<RosterSort, { keys: string[]; join?: keyof typeof SORT_JOINS }> = {
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

/** The trigram index answers LIKE '%q%' only from 3 characters on. */
const MIN_INDEXED_SEARCH = 3;

interface Statement {
  sql: string;
  params: unknown[];
  /** Plan with random_page_cost lowered (see listClientsPage); not for searches. */
  preferIndexes: boolean;
}

function buildStatement(scope: Scope, query: RosterQuery, now: Date): Statement {
  const params = new Params();
  const firm = params.add(scope.firmId, "uuid");
  const nowParam = params.add(now.toISOString(), "timestamptz");
  const kinds = params.add(RELEVANT_KINDS, "text[]");
  const { filters, scope: scopeSql } = whereSql(scope, query, params);
  // A search is selective: collect its hits once through the trigram index, then count and sort
  // them. Left to itself the planner walks the name index hoping to meet 50 hits early, which
  // takes 150 ms when the name sorts late ("patel").
  const searchFirst = (query.q?.length ?? 0) >= MIN_INDEXED_SEARCH;
  const source = searchFirst ? "hits c" : `"Client" c`;
  const where = searchFirst ? "TRUE" : filters;
  const sort = SORT_KEYS[query.sort];
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // NULLS LAST both ways: clients without a score or a date sink to the end of either order.
  const orderBy = [...sort.keys.map((key) => `${key} ${dir} NULLS LAST`), `c."id" ${dir}`].join(", ");
  const keyColumns = sort.keys.map((key, i) => `${key} AS k${i}`).join(", ");
  const outerOrder = [...sort.keys.map((_, i) => `pg.k${i} ${dir} NULLS LAST`), `pg."id" ${dir}`].join(", ");
  const join = sort.join ? SORT_JOINS[sort.join] : "";
  const limit = params.add(query.pageSize, "int");
  const offset = params.add((query.page - 1) * query.pageSize, "int");

  const sql = `
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
  SELECT (${nowParam} AT TIME ZONE f."timeZone")::date AS d FROM "Firm" f WHERE f."id" = ${firm}
)${searchFirst ? `, hits AS MATERIALIZED (SELECT ${HIT_COLUMNS} FROM "Client" c WHERE ${filters})` : ""}
SELECT
  (SELECT d FROM today)::text AS today,
  (SELECT count(*) FROM ${source} WHERE ${where})::int AS total,
  (SELECT coalesce(json_agg(json_build_object('kind', r."kind", 'drawNumber', r."number", 'cutoff', r."cutoff", 'date', r."date") ORDER BY r.rank), '[]')
     FROM ranked r) AS latest,
  (SELECT coalesce(json_agg(json_build_object(
      'id', c."id", 'firstName', c."firstName", 'lastName', c."lastName", 'email', c."email", 'profileNumber', c."profileNumber",
      'teamId', c."teamId", 'teamName', tm."name", 'consultantId', c."consultantId", 'consultantName', us."name",
      'status', c."status", 'crs', c."crs", 'programs', c."programs", 'categories', c."categories",
      'nominationProvince', c."nominationProvince", 'profileSubmittedAt', c."profileSubmittedAt", 'profileExpiresOn', c."profileExpiresOn",
      'languageTestExpiresOn', c."languageTestExpiresOn", 'ecaExpiresOn', c."ecaExpiresOn",
      'workPermitExpiresOn', c."workPermitExpiresOn", 'passportExpiresOn', c."passportExpiresOn",
      'archived', c."archivedAt" IS NOT NULL, 'updatedAt', c."updatedAt", 'version', c."version"
    ) ORDER BY ${outerOrder}), '[]')
   FROM (
     SELECT c."id", ${keyColumns} FROM ${source} ${join}
     WHERE ${where}
     ORDER BY ${orderBy}
     LIMIT ${limit} OFFSET ${offset}
   ) pg
   JOIN "Client" c ON c."id" = pg."id" AND ${scopeSql}
   JOIN "Team" tm ON tm."firmId" = c."firmId" AND tm."id" = c."teamId"
   LEFT JOIN "User" us ON us."firmId" = c."firmId" AND us."id" = c."consultantId"
  ) AS rows`;
  return { sql, params: params.values, preferIndexes: !searchFirst };
}

interface RawRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  profileNumber: string | null;
  teamId: string;
  teamName: string;
  consultantId: string | null;
  consultantName: string | null;
  status: ClientStatus;
  crs: number | null;
  programs: Program[];
  categories: string[];
  nominationProvince: string | null;
  profileSubmittedAt: string | null;
  profileExpiresOn: string | null;
  languageTestExpiresOn: string | null;
  ecaExpiresOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  archived: boolean;
  updatedAt: string;
  version: number;
}

const iso = (value: string | null) => (value == null ? null : new Date(value).toISOString());

/**
 * Whole days from `from` to `to` (both YYYY-MM-DD): the same as lib/deadlines' daysUntil, by plain
 * UTC arithmetic. daysUntil goes through date-fns' zoned dates at ~80 µs a call, which made up
 * two thirds of a page's time (50 rows × 5 deadlines).
 */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
const DAY_MS = 86_400_000;

/** Deadlines due within 90 days or overdue, most urgent first (DEADLINE_KINDS order on a tie). */
function rosterDeadlines(row: RawRow, today: string): RosterDeadline[] {
  const due: Record<DeadlineKind, string | null> = {
    profile: row.profileExpiresOn,
    language_test: row.languageTestExpiresOn,
    eca: row.ecaExpiresOn,
    work_permit: row.workPermitExpiresOn,
    passport: row.passportExpiresOn,
  };
  const deadlines: RosterDeadline[] = [];
  for (const kind of DEADLINE_KINDS) {
    const dueOn = due[kind];
    if (dueOn == null) continue;
    const daysLeft = daysBetween(today, dueOn);
    const band = bandForDaysLeft(daysLeft);
    if (band) deadlines.push({ kind, dueOn, daysLeft, band });
  }
  return deadlines.sort((a, b) => a.daysLeft - b.daysLeft);
}

function toRosterRow(row: RawRow, today: string, latest: LatestCutoff[]): RosterRow {
  const { margin, draw } = marginAgainstLatest(row, latest);
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    profileNumber: row.profileNumber,
    teamId: row.teamId,
    teamName: row.teamName,
    consultantId: row.consultantId,
    consultantName: row.consultantName,
    status: row.status,
    crs: row.crs,
    margin,
    marginDraw: draw ? { number: draw.drawNumber, kind: draw.kind, cutoff: draw.cutoff } : null,
    programs: row.programs,
    categories: row.categories,
    profileSubmittedAt: iso(row.profileSubmittedAt),
    profileExpiresOn: row.profileExpiresOn,
    deadlines: rosterDeadlines(row, today),
    archived: row.archived,
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
  };
}

/** One roster page for the caller's scope: rows, the total matching, and the latest cut-offs. */
export async function listClientsPage(scope: Scope, query: RosterQuery, now: Date): Promise<RosterPage> {
  const { sql, params, preferIndexes } = buildStatement(scope, query, now);
  type Result = { today: string; total: number; latest: LatestCutoff[]; rows: RawRow[] };
  // The firm's rows and the roster indexes sit in memory, where a random read costs about what a
  // sequential one does. With the default random_page_cost (4, for spinning disks) the planner
  // prefers reading the ~95 MB table to the ~25 MB roster index for sorts and short searches,
  // which takes 2–3 times longer. SET LOCAL scopes the setting to this statement's transaction.
  // A search keeps the default: with it lowered, the planner ANDs the trigram bitmap with a
  // 100,000-entry one from the live-clients index, which costs more than it saves.
  const [result] = preferIndexes
    ? (await prisma().$transaction([prisma().$executeRawUnsafe("SET LOCAL random_page_cost = 1.1"), prisma().$queryRawUnsafe<Result[]>(sql, ...params)]))[1]
    : await prisma().$queryRawUnsafe<Result[]>(sql, ...params);
  const latest = result.latest.map((l) => ({ ...l, kind: l.kind as DrawKind }));
  return {
    rows: result.rows.map((row) => toRosterRow(row, result.today, latest)),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    latestCutoffs: latest,
  };
}

/** The statement for a roster page, for EXPLAIN in benchmarks. */
export function rosterStatementForExplain(scope: Scope, query: RosterQuery, now: Date) {
  return buildStatement(scope, query, now);
}
