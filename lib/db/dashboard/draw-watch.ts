import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import type { DrawKind } from "@/lib/draws/kinds";
import { drawInstantSql, drawOrderSql, type LatestOfKind } from "../draws";
import { resultCountsSql, resultScopeSql } from "../draws/results-sql";
import { ensureRoundsStored, WATCH_DAYS } from "../draws/results-store";
import { getFirm } from "../firms";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { checkOptions, type DashboardOptions } from "./options";

/**
 * The dashboard's draw watch: for the latest round of each kind, the caller's clients newly above
 * it and its near misses, with counts — read from the stored DrawResult (the draw page's own rows,
 * at the firm's margin), so the dashboard costs a few index range reads whatever the firm's size.
 */

// How far back the dashboard looks (a draw older than a profile's validity has no news for anyone)
// is also how long results stay stored: results-store.ts.
export { WATCH_DAYS } from "../draws/results-store";

export interface WatchedClient {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamName: string;
  consultantName: string | null;
  /** CRS in effect at the draw time. */
  crs: number;
  /** crs - cutoff. */
  margin: number;
  drawNumber: string;
  kind: DrawKind;
  drawDate: CalendarDate;
}

export interface WatchedDraw {
  number: string;
  kind: DrawKind;
  above: number;
  newlyAbove: number;
  nearMiss: number;
  /** The first `limit` newly above, highest margin first. */
  newlyAboveClients: WatchedClient[];
}

export interface DrawWatch {
  /** The firm's near-miss margin. */
  margin: number;
  /** Every draw watched, newest first, with zero counts when none of the clients is concerned. */
  draws: WatchedDraw[];
  /** Near misses in the watched draws, closest first. */
  nearMisses: WatchedClient[];
  nearMissTotal: number;
}

interface DrawWatchRow {
  counts: { number: string; above: number; newlyAbove: number; nearMiss: number }[];
  rows: (WatchedClient & { list: string })[];
}

/** The latest round of each kind held in the last WATCH_DAYS (or the rounds asked for), newest first. */
async function watchedRounds(today: CalendarDate, drawNumbers: string[] | null): Promise<{ number: string; kind: DrawKind }[]> {
  return prisma().$queryRawUnsafe(
    `SELECT r."number", r."kind" FROM (
       SELECT d."number", d."kind", d."date", ${drawInstantSql("d")} AS at,
         row_number() OVER (PARTITION BY d."kind" ORDER BY ${drawOrderSql("d", "DESC")}) AS rank
       FROM "Draw" d
     ) r
     WHERE CASE WHEN $2::text[] IS NULL THEN r.rank = 1 AND r."date" >= $1::date - ${WATCH_DAYS} ELSE r."number" = ANY($2::text[]) END
     ORDER BY r.at DESC`,
    today,
    drawNumbers,
  );
}

const READ_PARAMS = 4;

/**
 * Counts from the stored rows alone (their team is the client's: resultScopeSql); only the
 * newly above and the near misses that can make the lists shown — the first $4 of each round by
 * margin, and those tied with the last — are joined to their clients for names.
 */
function readSql(clientScope: string, rowScope: string): string {
  return `
WITH stored AS (
  SELECT r."drawNumber", r."clientId", r."status" FROM "DrawResult" r
  WHERE r."drawNumber" = ANY($2::text[]) AND r."status" <> 'ineligible_close' AND ${rowScope} AND ($3::uuid IS NULL OR r."teamId" = $3::uuid)
),
-- Per round and list, the margin of its $4th row (the index's order): only rows at or above it
-- (ties included) can be listed, so only they are joined to their clients for names.
edges AS (
  SELECT n."number", l."status", coalesce((
    SELECT r."margin" FROM "DrawResult" r
    WHERE r."firmId" = $1::uuid AND r."drawNumber" = n."number" AND r."status" = l."status" AND ${rowScope} AND ($3::uuid IS NULL OR r."teamId" = $3::uuid)
    ORDER BY r."margin" DESC OFFSET $4 - 1 LIMIT 1), -1200) AS "margin"
  FROM unnest($2::text[]) n("number") CROSS JOIN (VALUES ('newly_above'), ('near_miss')) l("status")
),
listed AS MATERIALIZED (
  SELECT r."drawNumber" AS "number", r."clientId", r."crs", r."margin", r."status", c."firstName", c."lastName", c."profileNumber",
    c."firmId", c."teamId", c."consultantId", d."kind", d."date" AS "drawDate"
  FROM edges e
  JOIN "DrawResult" r ON r."firmId" = $1::uuid AND r."drawNumber" = e."number" AND r."status" = e."status" AND r."margin" >= e."margin"
  -- One key lookup per picked row (LIMIT keeps the planner from hash-joining a whole team's clients:
  -- it cannot know how few rows the edges leave).
  CROSS JOIN LATERAL (
    SELECT c."firstName", c."lastName", c."profileNumber", c."firmId", c."teamId", c."consultantId" FROM "Client" c WHERE c."firmId" = r."firmId" AND c."id" = r."clientId" AND ${clientScope} AND ($3::uuid IS NULL OR c."teamId" = $3::uuid) LIMIT 1
  ) c
  JOIN "Draw" d ON d."number" = r."drawNumber"
),
picked AS (
  SELECT * FROM (
    SELECT l.*, 'newlyAbove' AS list, row_number() OVER (PARTITION BY l."number" ORDER BY l."margin" DESC, l."lastName", l."firstName", l."clientId") AS rn
    FROM listed l WHERE l."status" = 'newly_above') x WHERE x.rn <= $4
  UNION ALL
  SELECT * FROM (
    SELECT l.*, 'nearMiss' AS list, row_number() OVER (ORDER BY l."margin" DESC, l."drawDate" DESC, l."lastName", l."firstName", l."clientId") AS rn
    FROM listed l WHERE l."status" = 'near_miss') y WHERE y.rn <= $4
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('number', s."drawNumber", 'above', s.above, 'newlyAbove', s."newlyAbove", 'nearMiss', s."nearMiss")), '[]')
   FROM (SELECT s."drawNumber", ${resultCountsSql("s")} FROM stored s GROUP BY s."drawNumber") s) AS counts,
  (SELECT coalesce(json_agg(json_build_object('list', p.list, 'clientId', p."clientId", 'firstName', p."firstName", 'lastName', p."lastName",
     'profileNumber', p."profileNumber", 'teamName', t."name", 'consultantName', u."name", 'crs', p."crs", 'margin', p."margin",
     'drawNumber', p."number", 'kind', p."kind", 'drawDate', p."drawDate") ORDER BY p.list, p."number", p.rn), '[]')
   FROM picked p JOIN "Team" t ON t."firmId" = p."firmId" AND t."id" = p."teamId"
   LEFT JOIN "User" u ON u."firmId" = p."firmId" AND u."id" = p."consultantId") AS rows`;
}

/**
 * The caller's clients newly above each watched draw (not above the previous draw of its kind),
 * and its near misses, with counts: drawImpact's answer for each of those draws. Watched: the
 * latest draw of each kind held in the last WATCH_DAYS, or `drawNumbers` when given. A watched
 * round the firm has no stored result for yet is computed and stored first (once).
 */
export async function drawWatch(scope: Scope, options: DashboardOptions & { drawNumbers?: string[] } = {}): Promise<DrawWatch> {
  const { teamId, limit } = checkOptions(options);
  const firm = await getFirm(scope);
  const today = todayIn(firm.timeZone, options.now ?? new Date());
  const watched = await watchedRounds(today, options.drawNumbers ?? null);
  const numbers = watched.map((w) => w.number);
  await ensureRoundsStored(scope.firmId, numbers);
  const scopeSql = clientScopeSql(scope, READ_PARAMS + 1);
  const rowScope = resultScopeSql(scope, READ_PARAMS + 1 + scopeSql.params.length);
  const [result] = await prisma().$queryRawUnsafe<DrawWatchRow[]>(
    readSql(scopeSql.sql, rowScope.sql),
    scope.firmId,
    numbers,
    teamId,
    limit,
    ...scopeSql.params,
    ...rowScope.params,
  );
  const counts = new Map(result.counts.map((c) => [c.number, c]));
  const strip = ({ list: _list, ...row }: WatchedClient & { list: string }): WatchedClient => row;
  return {
    margin: firm.nearMissMargin,
    draws: watched.map(({ number, kind }) => ({
      number,
      kind,
      above: counts.get(number)?.above ?? 0,
      newlyAbove: counts.get(number)?.newlyAbove ?? 0,
      nearMiss: counts.get(number)?.nearMiss ?? 0,
      newlyAboveClients: result.rows.filter((r) => r.list === "newlyAbove" && r.drawNumber === number).map(strip),
    })),
    nearMisses: result.rows.filter((r) => r.list === "nearMiss").map(strip),
    nearMissTotal: result.counts.reduce((sum, c) => sum + c.nearMiss, 0),
  };
}

/** The latest draw of each kind, with what the watch found for it (null: older than WATCH_DAYS). */
export type KindWatch = LatestOfKind & { watch: WatchedDraw | null };

export function withLatest(latest: LatestOfKind[], watch: DrawWatch): KindWatch[] {
  return latest.map((entry) => ({ ...entry, watch: watch.draws.find((d) => d.number === entry.draw.number) ?? null }));
}
