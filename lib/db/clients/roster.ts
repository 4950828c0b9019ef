import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { RosterQuery } from "@/lib/clients/roster-query";
import { RELEVANT_KINDS, marginAgainstLatest } from "@/lib/clients/relevant-kinds";
import { DEADLINE_KINDS, type DeadlineKind, bandForDaysLeft } from "@/lib/deadlines";
import type { DrawKind, Program } from "@/lib/draws/kinds";
import { InvalidInputError } from "@/lib/errors";
import { prisma } from "../prisma";
import { encodeRosterCursor, decodeRosterCursor, type RosterCursor, type SortKeyValue } from "@/lib/clients/roster-cursor";
import { keysetPageSql } from "./roster-keyset";
import { HIT_COLUMNS, OPEN_APPLICATION_DUE_SQL, Params, rosterCtesSql, rosterWhereSql } from "./roster-sql";
import type { LatestCutoff, RosterDeadline, RosterPage, RosterRow } from "./roster-types";

/**
 * The roster: one SQL statement per page (filter, sort, page, count and the latest cut-offs), so
 * it stays fast at 100,000 clients. The statement is assembled from the fragments in
 * roster-sql.ts (shared with the exports); the page's rows get their margin from the same pure
 * function in JS (lib/clients/relevant-kinds.ts).
 */

/** The trigram index answers LIKE '%q%' only from 3 characters on. */
const MIN_INDEXED_SEARCH = 3;

interface Statement {
  sql: string;
  params: unknown[];
  /** Plan with random_page_cost lowered (see listClientsPage); not for searches. */
  preferIndexes: boolean;
}

function buildStatement(scope: Scope, query: RosterQuery, now: Date, cursor?: RosterCursor): Statement {
  const params = new Params();
  const firm = params.add(scope.firmId, "uuid");
  const nowParam = params.add(now.toISOString(), "timestamptz");
  const kinds = params.add(RELEVANT_KINDS, "text[]");
  const { filters, scope: scopeSql } = rosterWhereSql(scope, query, params);
  // A search is selective: collect its hits once through the trigram index, then count and sort
  // them. Left to itself the planner walks the name index hoping to meet 50 hits early, which
  // takes 150 ms when the name sorts late ("patel").
  const searchFirst = (query.q?.length ?? 0) >= MIN_INDEXED_SEARCH;
  const source = searchFirst ? "hits c" : `"Client" c`;
  const where = searchFirst ? "TRUE" : filters;
  const limit = params.add(query.pageSize, "int");
  const page = keysetPageSql({ sort: query.sort, dir: query.dir, cursor, source, where, limit, params });

  const sql = `
${rosterCtesSql(firm, nowParam, kinds).trim()}${searchFirst ? `, hits AS MATERIALIZED (SELECT ${HIT_COLUMNS} FROM "Client" c WHERE ${filters})` : ""}
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
      'applicationDueOn', ${OPEN_APPLICATION_DUE_SQL}, 'itaRound', c."itaRound",
      'archived', c."archivedAt" IS NOT NULL, 'updatedAt', c."updatedAt", 'version', c."version", 'keys', ${page.keysJson("pg")}
    ) ORDER BY ${page.screenOrder("pg")}), '[]')
   FROM (${page.sql}) pg
   JOIN "Client" c ON c."id" = pg."id" AND ${scopeSql}
   JOIN "Team" tm ON tm."firmId" = c."firmId" AND tm."id" = c."teamId"
   LEFT JOIN "User" us ON us."firmId" = c."firmId" AND us."id" = c."consultantId"
  ) AS rows`;
  return { sql, params: params.values, preferIndexes: !searchFirst };
}

/** A row as the statement returns it: the screen's identity columns plus what the margin and deadlines are derived from. */
interface RawRow
  extends Pick<RosterRow, "id" | "firstName" | "lastName" | "email" | "profileNumber" | "teamId" | "teamName" | "consultantId" | "consultantName" | "status" | "crs"> {
  programs: Program[];
  categories: string[];
  nominationProvince: string | null;
  profileSubmittedAt: string | null;
  profileExpiresOn: string | null;
  languageTestExpiresOn: string | null;
  ecaExpiresOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  /** Only while the ITA is open (status ita_received). */
  applicationDueOn: string | null;
  itaRound: string | null;
  archived: boolean;
  updatedAt: string;
  version: number;
  /** The row's sort key values, for the cursors. */
  keys: SortKeyValue[];
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
    application: row.applicationDueOn,
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

async function runStatement(statement: Statement) {
  type Result = { today: string; total: number; latest: LatestCutoff[]; rows: RawRow[] };
  // The firm's rows and the roster indexes sit in memory, where a random read costs about what a
  // sequential one does. With the default random_page_cost (4, for spinning disks) the planner
  // prefers reading the ~95 MB table to the ~25 MB roster index for sorts and short searches,
  // which takes 2–3 times longer. SET LOCAL scopes the setting to this statement's transaction.
  // A search keeps the default: with it lowered, the planner ANDs the trigram bitmap with a
  // 100,000-entry one from the live-clients index, which costs more than it saves.
  const { sql, params, preferIndexes } = statement;
  const [result] = preferIndexes
    ? (await prisma().$transaction([prisma().$executeRawUnsafe("SET LOCAL random_page_cost = 1.1"), prisma().$queryRawUnsafe<Result[]>(sql, ...params)]))[1]
    : await prisma().$queryRawUnsafe<Result[]>(sql, ...params);
  return result;
}

/**
 * One roster page for the caller's scope: rows, the total matching, the latest cut-offs, and the
 * cursors of the pages before and after (null at either end). The query's cursor must have been
 * made for its sort (rosterQuerySchema drops any other; a direct caller gets InvalidInputError).
 */
export async function listClientsPage(scope: Scope, query: RosterQuery, now: Date): Promise<RosterPage> {
  const decoded = query.cursor ? decodeRosterCursor(query.cursor) : undefined;
  if (decoded === null) throw new InvalidInputError("That page link is damaged.", [{ path: "cursor", message: "Not a page position." }]);
  let cursor = decoded;
  let result = await runStatement(buildStatement(scope, query, now, cursor));
  let more = result.rows.length > query.pageSize;
  // Back at the start (rows added or removed since the link was made): show the true first page.
  if (cursor?.side === "before" && !more && result.rows.length < query.pageSize) {
    cursor = undefined;
    result = await runStatement(buildStatement(scope, query, now));
    more = result.rows.length > query.pageSize;
  }
  const back = cursor?.side === "before";
  // The extra row fetched lies beyond the page in the walking direction: last on screen going
  // forward, first going back.
  const raw = more ? (back ? result.rows.slice(1) : result.rows.slice(0, query.pageSize)) : result.rows;
  const start = !cursor ? 0 : back ? (more ? Math.max(0, cursor.start - raw.length) : 0) : cursor.start;
  const hasPrevious = back ? more : cursor !== undefined;
  const hasNext = back ? true : more;
  const at = (row: RawRow | undefined, side: RosterCursor["side"], rowsBefore: number) =>
    row ? encodeRosterCursor({ sort: query.sort, dir: query.dir, keys: row.keys, id: row.id, side, start: rowsBefore }) : null;
  const latest = result.latest.map((l) => ({ ...l, kind: l.kind as DrawKind }));
  return {
    rows: raw.map((row) => toRosterRow(row, result.today, latest)),
    total: result.total,
    start,
    pageSize: query.pageSize,
    previousCursor: hasPrevious ? at(raw[0], "before", start) : null,
    nextCursor: hasNext ? at(raw.at(-1), "after", start + raw.length) : null,
    latestCutoffs: latest,
  };
}

/** The statement for a roster page, for EXPLAIN in benchmarks and tests. */
export function rosterStatementForExplain(scope: Scope, query: RosterQuery, now: Date) {
  return buildStatement(scope, query, now, query.cursor ? (decodeRosterCursor(query.cursor) ?? undefined) : undefined);
}
