import "server-only";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { type ClientStatus, INVITED_STATUSES } from "@/lib/clients/status";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { PROFILE_VALIDITY_MONTHS } from "@/lib/deadlines/expiry";
import type { IneligibleReason, TieBreakOutcome } from "@/lib/draws/eligibility";
import { PROGRAMS } from "@/lib/draws/kinds";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { drawInstantSql, drawOrderRowSql, drawOrderSql, getDraw, previousDrawOfKind, toDrawRecord, type DrawDetail, type DrawRecord, type DrawRow } from "./draws";
// Whether a kind is a category comes from the CategoryKind table, so new categories match at once.
import { isCategorySql } from "./draw-kinds";
import { getFirm } from "./firms";
import { prisma } from "./prisma";
import { clientScopeSql } from "./scope";

/**
 * Which of the firm's clients a draw hits, as set-based SQL: PRODUCT.md's rule exactly as
 * lib/draws/eligibility.ts states it (the reference; the parity test holds the two together).
 * One query per call over the scoped clients, so the draw page stays fast at 100,000 clients.
 *
 * The rule is written once, as SQL fragments over a client alias (with an "outOfPoolAt" column),
 * a draw alias (with the `drawExtrasSql` columns) and a CRS expression, and serves the draw shown,
 * the previous draw of its kind and the client page alike.
 */

const INVITED = `ARRAY[${INVITED_STATUSES.map((s) => `'${s}'`).join(",")}]::"ClientStatus"[]`;
const PROGRAMS_SQL = `ARRAY[${PROGRAMS.map((p) => `'${p}'`).join(",")}]::text[]`;

/** What the rule reads of a draw besides its columns: the instant, the programs covered, whether a category applies. */
function drawExtrasSql(d: string): string {
  // An empty program list (a hand-entered round) covers every program, as in eligibility.ts.
  return `${drawInstantSql(d)} AS at,
    CASE WHEN coalesce(cardinality(${d}."programs"), 0) = 0 THEN ${PROGRAMS_SQL} ELSE ${d}."programs" END AS covered,
    ${isCategorySql(d)} AS "isCategory"`;
}

/**
 * The first instant the profile is out of the pool: the start of the day after its expiry date in
 * the firm's zone; without a stored date, eligibility.ts's fallback (12 months after submission,
 * in DEFAULT_TIME_ZONE). PostgreSQL clamps Feb 29 + 12 months the way date-fns does.
 */
function outOfPoolAtSql(c: string, firmTimeZone: string): string {
  const fallback = `((${c}."profileSubmittedAt" AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date + interval '${PROFILE_VALIDITY_MONTHS} months')::date`;
  return `coalesce((${c}."profileExpiresOn" + 1)::timestamp AT TIME ZONE ${firmTimeZone},
    (${fallback} + 1)::timestamp AT TIME ZONE '${DEFAULT_TIME_ZONE}')`;
}

/** eligibility.ts's reasons, each an independent non-null test, in INELIGIBLE_REASONS order. */
function reasonsSql(c: string, d: string, crs: string): string {
  const notInPool = `(${c}."status" = 'prospect' OR ${c}."profileSubmittedAt" IS NULL OR ${c}."profileSubmittedAt" > ${d}.at)`;
  const nominated = `(${c}."nominationProvince" IS NOT NULL AND ${c}."nominationProvince" !~ '^\\s*$'
      AND (${c}."nominatedOn" IS NULL OR ${c}."nominatedOn" <= ${d}."date"))`;
  const checks: [IneligibleReason, string][] = [
    ["withdrawn", `${c}."status" = 'withdrawn'`],
    ["closed", `${c}."status" = 'closed'`],
    ["not_in_pool", notInPool],
    ["profile_expired", `NOT ${notInPool} AND ${c}."outOfPoolAt" <= ${d}.at`],
    // An ITA only removes the client from later draws; unknown ITA time: out of every draw.
    ["already_invited", `${c}."status" = ANY(${INVITED}) AND (${c}."invitedAt" IS NULL OR ${c}."invitedAt" < ${d}.at)`],
    ["language_test_expired", `coalesce(${c}."languageTestExpiresOn" < ${d}."date", false)`],
    ["no_program", `NOT (coalesce(${c}."programs", '{}') && ${d}.covered)`],
    ["no_nomination", `${d}."kind" = 'pnp' AND NOT ${nominated}`],
    ["no_category", `${d}."isCategory" AND NOT coalesce(${d}."kind" = ANY(${c}."categories"), false)`],
    ["no_score", `${crs} IS NULL`],
  ];
  return `array_remove(ARRAY[${checks.map(([reason, test]) => `CASE WHEN ${test} THEN '${reason}' END`).join(",\n      ")}]::text[], NULL)`;
}

/** isAboveCutoff: an equal score is invited when submitted by the tie-break time, or when the round published none. */
function clearsCutoffSql(c: string, d: string, crs: string): string {
  return `(${crs} > ${d}."cutoff" OR (${crs} = ${d}."cutoff"
    AND (${d}."tieBreakAt" IS NULL OR coalesce(${c}."profileSubmittedAt" <= ${d}."tieBreakAt", false))))`;
}

/** Eligible and clearing the cut-off, never null (eligibility.ts `clearsDraw`). */
function clearsDrawSql(c: string, d: string, crs: string): string {
  return `coalesce(cardinality(${reasonsSql(c, d, crs)}) = 0 AND ${clearsCutoffSql(c, d, crs)}, false)`;
}

function tieBreakSql(c: string, d: string, crs: string): string {
  return `CASE WHEN ${crs} IS NULL OR ${crs} <> ${d}."cutoff" OR ${c}."profileSubmittedAt" IS NULL THEN 'not_applicable'
    WHEN ${d}."tieBreakAt" IS NULL THEN 'no_tie_break_time'
    WHEN ${c}."profileSubmittedAt" <= ${d}."tieBreakAt" THEN 'before' ELSE 'after' END`;
}

/** The score in effect at the draw: one probe of the (firmId, clientId, effectiveAt DESC) index per client. */
function crsAsOfSql(c: string, d: string): string {
  return `SELECT s."crs" FROM "CrsScore" s
    WHERE s."firmId" = ${c}."firmId" AND s."clientId" = ${c}."id" AND s."effectiveAt" <= ${d}.at
    ORDER BY s."effectiveAt" DESC LIMIT 1`;
}

function checkMargin(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 1200)) {
    throw new InvalidInputError(`The ${name} must be a whole number of CRS points from 0 to 1,200.`, [
      { path: name, message: "Whole number from 0 to 1,200." },
    ]);
  }
}

export interface ImpactRow {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamId: string;
  teamName: string;
  consultantId: string | null;
  consultantName: string | null;
  /** CRS in effect at the draw time. */
  crs: number;
  /** crs - cutoff. */
  margin: number;
  profileSubmittedAt: string | null;
  tieBreak: TieBreakOutcome;
  /** The client's status today (Record invitations offers only clients still in the pool). */
  status: ClientStatus;
}

export interface ImpactCounts {
  above: number;
  newlyAbove: number;
  nearMiss: number;
}

export interface DrawImpact {
  draw: DrawDetail;
  previousDraw: DrawRecord | null;
  /** The near-miss margin applied. */
  margin: number;
  closeMargin: number;
  above: ImpactRow[];
  newlyAbove: ImpactRow[];
  nearMiss: ImpactRow[];
  /** The closest INELIGIBLE_CLOSE_LIMIT of them, nearest the cut-off first. */
  ineligibleClose: (ImpactRow & { reasons: IneligibleReason[] })[];
  ineligibleCloseTotal: number;
  /** Teams and consultants with at least one client above or near; largest first. */
  countsByTeam: ({ teamId: string; teamName: string } & ImpactCounts)[];
  countsByConsultant: ({ consultantId: string | null; consultantName: string | null } & ImpactCounts)[];
}

export interface DrawImpactOptions {
  /** Near-miss margin in CRS points; default: the firm's nearMissMargin. */
  margin?: number;
  teamId?: string;
  consultantId?: string;
  /** How far below the cut-off an ineligible client in the pool is still listed; default: margin. */
  closeMargin?: number;
}

interface ImpactSqlRow extends ImpactRow {
  reasons: IneligibleReason[];
  above: boolean;
  newlyAbove: boolean;
  nearMiss: boolean;
  ineligibleClose: boolean;
  ineligibleCloseTotal: bigint | number;
}

const IMPACT_PARAMS = 8;

/** At most this many ineligible-but-close clients are listed; `ineligibleCloseTotal` counts all. */
export const INELIGIBLE_CLOSE_LIMIT = 200;

/**
 * Only the rows any list can hold leave the database: clients whose status can be eligible or
 * listed as ineligible-but-close, with a score no lower than the widest margin.
 *
 * The scores as of the draw, for a whole firm, come from one ordered pass over its score history
 * (DISTINCT ON over the (firmId, clientId, effectiveAt DESC, crs) index, index-only), hash-joined
 * to the clients: at 100,000 clients that took 130–190 ms where a LATERAL probe per client took
 * 330–360 ms. A view narrowed to some teams or one consultant probes per client instead, which
 * then reads far fewer index pages than the whole firm's history. The previous draw, needed only
 * for clients above this one, always uses the probe.
 */
function impactSql(scopeSql: string, scores: "scan" | "probe"): string {
  const scored =
    scores === "scan"
      ? `CROSS JOIN LATERAL (
    SELECT DISTINCT ON (s."clientId") s."clientId", s."crs" FROM "CrsScore" s
    WHERE s."firmId" = $8::uuid AND s."effectiveAt" <= cur.at
    ORDER BY s."clientId", s."effectiveAt" DESC
  ) s
  JOIN "Client" c ON c."firmId" = $8::uuid AND c."id" = s."clientId"`
      : `JOIN "Client" c ON c."firmId" = $8::uuid
  CROSS JOIN LATERAL (${crsAsOfSql("c", "cur")}) s`;
  return `
WITH cur AS MATERIALIZED (SELECT d.*, ${drawExtrasSql("d")} FROM "Draw" d WHERE d."number" = $1),
prev AS MATERIALIZED (SELECT d.*, ${drawExtrasSql("d")} FROM "Draw" d WHERE d."number" = $2),
scored AS (
  SELECT c."id", c."firmId", c."teamId", c."consultantId", c."firstName", c."lastName", c."profileNumber", c."status",
    c."profileSubmittedAt", c."invitedAt", c."programs", c."nominationProvince", c."nominatedOn", c."categories",
    c."languageTestExpiresOn", ${outOfPoolAtSql("c", "$5::text")} AS "outOfPoolAt", s."crs"
  FROM cur
  ${scored}
  WHERE ${scopeSql}
    -- Archived clients are off the firm's desk: hidden from the roster, and from draw results.
    AND c."archivedAt" IS NULL
    AND ($6::uuid IS NULL OR c."teamId" = $6::uuid) AND ($7::uuid IS NULL OR c."consultantId" = $7::uuid)
    AND (c."status" = 'profile_active' OR (c."status" = ANY(${INVITED}) AND c."invitedAt" >= cur.at))
    AND s."crs" >= cur."cutoff" - greatest($3::int, $4::int)
),
judged AS (
  SELECT j.*, ${reasonsSql("j", "cur", "j.crs")} AS reasons, ${tieBreakSql("j", "cur", "j.crs")} AS "tieBreak",
    j."crs" - cur."cutoff" AS margin, ${clearsCutoffSql("j", "cur", "j.crs")} AS "clearsCutoff"
  FROM scored j CROSS JOIN cur
  -- OFFSET 0 keeps this subquery from being flattened into the next, which would copy the rule's
  -- expressions into every place that reads them and evaluate them several times per client.
  OFFSET 0
),
ranked AS (SELECT j.*, cardinality(j.reasons) = 0 AND j."clearsCutoff" AS above FROM judged j),
listed AS (
  SELECT j.*,
    -- CASE, not a join: the previous draw is judged only for clients above this one.
    j.above AND NOT CASE WHEN j.above THEN coalesce((
      SELECT ${clearsDrawSql("j", "prev", "ps.crs")} FROM prev LEFT JOIN LATERAL (${crsAsOfSql("j", "prev")}) ps ON true
    ), false) END AS "newlyAbove",
    cardinality(j.reasons) = 0 AND NOT j.above AND -j.margin <= $3::int AS "nearMiss",
    cardinality(j.reasons) > 0 AND j."status" = 'profile_active' AND -j.margin <= $4::int AS "ineligibleClose"
  FROM ranked j
),
picked AS (
  SELECT l.* FROM listed l WHERE l.above OR l."nearMiss"
  UNION ALL
  -- Category draws can make a third of the pool "ineligible but close" (no category): a top-N
  -- sort keeps the closest ${INELIGIBLE_CLOSE_LIMIT} in memory; the total is counted beside it.
  (SELECT l.* FROM listed l WHERE l."ineligibleClose" ORDER BY l.margin DESC, l."lastName", l."firstName", l."id" LIMIT ${INELIGIBLE_CLOSE_LIMIT})
)
SELECT l."id" AS "clientId", l."firstName", l."lastName", l."profileNumber", l."teamId", t."name" AS "teamName",
  l."consultantId", u."name" AS "consultantName", l."crs", l.margin, l.reasons, l."tieBreak", l."status"::text AS "status",
  -- As ISO text: decoding tens of thousands of timestamps into Dates was a visible share of the time.
  to_char(l."profileSubmittedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "profileSubmittedAt",
  l.above, l."newlyAbove", l."nearMiss", l."ineligibleClose",
  (SELECT count(*) FROM listed c WHERE c."ineligibleClose") AS "ineligibleCloseTotal"
FROM picked l
JOIN "Team" t ON t."firmId" = l."firmId" AND t."id" = l."teamId"
LEFT JOIN "User" u ON u."firmId" = l."firmId" AND u."id" = l."consultantId"
ORDER BY l.margin DESC, l."lastName", l."firstName", l."id"`;
}

/** The draw page's query and its parameters; exported so benchmarks can EXPLAIN exactly what runs. */
export function drawImpactQuery(
  scope: Scope,
  input: { drawNumber: string; previousNumber: string | null; margin: number; closeMargin: number; timeZone: string; teamId: string | null; consultantId: string | null },
): { sql: string; params: unknown[] } {
  const scopeSql = clientScopeSql(scope, IMPACT_PARAMS + 1);
  const narrowed = !seesAllTeams(scope) || input.teamId !== null || input.consultantId !== null;
  return {
    sql: impactSql(scopeSql.sql, narrowed ? "probe" : "scan"),
    params: [input.drawNumber, input.previousNumber, input.margin, input.closeMargin, input.timeZone, input.teamId, input.consultantId, scope.firmId, ...scopeSql.params],
  };
}

function toImpactRow(r: ImpactSqlRow): ImpactRow {
  return {
    clientId: r.clientId,
    firstName: r.firstName,
    lastName: r.lastName,
    profileNumber: r.profileNumber,
    teamId: r.teamId,
    teamName: r.teamName,
    consultantId: r.consultantId,
    consultantName: r.consultantName,
    crs: r.crs,
    margin: r.margin,
    profileSubmittedAt: r.profileSubmittedAt,
    tieBreak: r.tieBreak,
    status: r.status,
  };
}

/** Per-team or per-consultant totals of the listed clients, largest first. */
function countBy<T extends object>(rows: ImpactSqlRow[], key: (row: ImpactSqlRow) => string | null, label: (row: ImpactSqlRow) => T): (T & ImpactCounts)[] {
  const counts = new Map<string | null, T & ImpactCounts>();
  for (const row of rows) {
    if (!row.above && !row.nearMiss) continue;
    let entry = counts.get(key(row));
    if (!entry) counts.set(key(row), (entry = { ...label(row), above: 0, newlyAbove: 0, nearMiss: 0 }));
    if (row.above) entry.above++;
    if (row.newlyAbove) entry.newlyAbove++;
    if (row.nearMiss) entry.nearMiss++;
  }
  return [...counts.values()].sort((a, b) => b.above - a.above || b.nearMiss - a.nearMiss);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id would fail the ::uuid cast as a database error; it names nothing, so say so. */
function checkId(name: string, value: string | undefined): void {
  if (value !== undefined && !UUID.test(value)) throw new InvalidInputError(`Unknown ${name}.`, [{ path: name, message: "Not a valid id." }]);
}

/**
 * With the default random_page_cost the planner hash-joins the candidates against a scan of
 * every (wide) client row instead of probing the primary key: ~40% of the query's time. Run it
 * in the impact query's transaction.
 */
export const IMPACT_PLANNER_SETTING = "SET LOCAL random_page_cost = 1.1";

/**
 * The draw, its previous draw of the kind, the margins and the query the draw page runs: shared
 * with the draw-day matching (lib/db/draw-results.ts), which stores the same rows.
 */
export async function prepareDrawImpact(scope: Scope, drawNumber: string, options: DrawImpactOptions = {}) {
  checkMargin("margin", options.margin);
  checkMargin("closeMargin", options.closeMargin);
  checkId("teamId", options.teamId);
  checkId("consultantId", options.consultantId);
  const [draw, previousDraw, firm] = await Promise.all([getDraw(drawNumber), previousDrawOfKind({ number: drawNumber.trim() }), getFirm(scope)]);
  const margin = options.margin ?? firm.nearMissMargin;
  const closeMargin = options.closeMargin ?? margin;
  const query = drawImpactQuery(scope, {
    drawNumber: draw.number,
    previousNumber: previousDraw?.number ?? null,
    margin,
    closeMargin,
    timeZone: firm.timeZone,
    teamId: options.teamId ?? null,
    consultantId: options.consultantId ?? null,
  });
  return { draw, previousDraw, firm, margin, closeMargin, query };
}

/**
 * The draw page: the scoped clients above the cut-off, newly above (not above for the previous
 * draw of the kind, with the score as of that draw), near misses, and ineligible clients in the
 * pool who would have been close — each sorted by margin, then last name.
 */
export async function drawImpact(scope: Scope, drawNumber: string, options: DrawImpactOptions = {}): Promise<DrawImpact> {
  const { draw, previousDraw, margin, closeMargin, query } = await prepareDrawImpact(scope, drawNumber, options);
  const [, rows] = await prisma().$transaction([
    prisma().$executeRawUnsafe(IMPACT_PLANNER_SETTING),
    prisma().$queryRawUnsafe<ImpactSqlRow[]>(query.sql, ...query.params),
  ]);
  return {
    draw,
    previousDraw,
    margin,
    closeMargin,
    above: rows.filter((r) => r.above).map(toImpactRow),
    newlyAbove: rows.filter((r) => r.newlyAbove).map(toImpactRow),
    nearMiss: rows.filter((r) => r.nearMiss).map(toImpactRow),
    ineligibleClose: rows.filter((r) => r.ineligibleClose).map((r) => ({ ...toImpactRow(r), reasons: r.reasons })),
    ineligibleCloseTotal: Number(rows[0]?.ineligibleCloseTotal ?? 0),
    countsByTeam: countBy(rows, (r) => r.teamId, (r) => ({ teamId: r.teamId, teamName: r.teamName })),
    countsByConsultant: countBy(rows, (r) => r.consultantId, (r) => ({ consultantId: r.consultantId, consultantName: r.consultantName })),
  };
}

export interface ClientDrawResult {
  draw: DrawRecord;
  /** CRS in effect at the draw time; null when none was recorded by then. */
  crs: number | null;
  eligible: boolean;
  reasons: IneligibleReason[];
  above: boolean;
  newlyAbove: boolean;
  nearMiss: boolean;
  margin: number | null;
  tieBreak: TieBreakOutcome;
}

interface ClientDrawSqlRow extends DrawRow, Omit<ClientDrawResult, "draw" | "eligible"> {
  clientId: string;
}

/** The client's result for each of the most recent draws, newest first (the client page). */
export async function clientDrawResults(scope: Scope, clientId: string, options: { limit?: number } = {}): Promise<ClientDrawResult[]> {
  const limit = options.limit ?? 10;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500)) {
    throw new InvalidInputError("The number of draws must be from 1 to 500.", [{ path: "limit", message: "From 1 to 500." }]);
  }
  if (!UUID.test(clientId)) throw new NotFoundError("Client");
  const scopeSql = clientScopeSql(scope, 3);
  const rows = await prisma().$queryRawUnsafe<ClientDrawSqlRow[]>(
    `
WITH c AS (
  SELECT c.*, ${outOfPoolAtSql("c", `f."timeZone"`)} AS "outOfPoolAt", f."nearMissMargin"
  FROM "Client" c JOIN "Firm" f ON f."id" = c."firmId"
  WHERE ${scopeSql.sql} AND c."id" = $1::uuid
),
recent AS (
  SELECT d.*, ${drawExtrasSql("d")}, row_number() OVER (ORDER BY ${drawOrderSql("d", "DESC")}) AS recency
  FROM "Draw" d ORDER BY ${drawOrderSql("d", "DESC")} LIMIT $2
)
SELECT c."id" AS "clientId", r.* FROM c LEFT JOIN LATERAL (
  SELECT j.*,
    cardinality(j.reasons) = 0 AND NOT j.above AND coalesce(j."cutoff" - j."crs" <= c."nearMissMargin", false) AS "nearMiss",
    j.above AND NOT j."previousAbove" AS "newlyAbove"
  FROM (
    SELECT d."number", d."date", d."drawnAt", d."tieBreakAt", d."size", d."cutoff", d."name", d."kind", d."categoryVersion",
      d."programs", d."provisional", d.recency, s."crs", s."crs" - d."cutoff" AS margin,
      ${reasonsSql("c", "d", "s.crs")} AS reasons,
      ${clearsDrawSql("c", "d", "s.crs")} AS above,
      ${tieBreakSql("c", "d", "s.crs")} AS "tieBreak",
      p."number" IS NOT NULL AND ${clearsDrawSql("c", "p", "ps.crs")} AS "previousAbove"
    FROM recent d
    LEFT JOIN LATERAL (${crsAsOfSql("c", "d")}) s ON true
    LEFT JOIN LATERAL (
      SELECT p.*, ${drawExtrasSql("p")} FROM "Draw" p
      WHERE p."kind" = d."kind" AND ${drawOrderRowSql("p")} < ${drawOrderRowSql("d")}
      ORDER BY ${drawOrderSql("p", "DESC")} LIMIT 1
    ) p ON true
    LEFT JOIN LATERAL (${crsAsOfSql("c", "p")}) ps ON true
  ) j
) r ON true
ORDER BY r.recency`,
    clientId,
    limit,
    ...scopeSql.params,
  );
  // The client row comes back even without draws: no row at all means out of scope or unknown.
  if (rows.length === 0) throw new NotFoundError("Client");
  return rows
    .filter((row) => row.number !== null)
    .map((row) => ({
      draw: toDrawRecord(row),
      crs: row.crs,
      eligible: row.reasons.length === 0,
      reasons: row.reasons,
      above: row.above,
      newlyAbove: row.newlyAbove,
      nearMiss: row.nearMiss,
      margin: row.margin,
      tieBreak: row.tieBreak,
    }));
}
