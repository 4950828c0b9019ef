import type pg from "pg";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { comingChanges, drawWatch, expiryRadar } from "@/lib/db/dashboard";
import { latestDrawsPerKind } from "@/lib/db/draws";
import { listTeams } from "@/lib/db/firms";
import { DEADLINE_BAND_MAX_DAYS, DEADLINE_BANDS } from "@/lib/deadlines";
import { CATEGORIES } from "./raw-impact";

/**
 * The dashboard as its page loads it (app/(app)/page.tsx): the teams for the filter, then the
 * latest draws, the draw watch (newly above and near misses for the latest draw of each kind), the
 * expiry radar and the coming CRS changes in parallel. The raw side answers the same four widgets
 * with hand-written statements, in parallel on the same pool size, from the same stored columns the
 * app reads (DrawResult for the draw watch, each kind's stored next date for the coming changes).
 */

/** What both sides must agree on: every count and total the widgets show. */
export interface DashboardCheck {
  teams: number;
  latest: string[];
  draws: { number: string; above: number; newlyAbove: number; nearMiss: number }[];
  nearMissTotal: number;
  radar: number[];
  changes: number[];
}

const WATCH_LIMIT = 5;
const LIST_LIMIT = 6;

export function dashboardWidgets(scope: Scope, now: Date) {
  return {
    teams: () => listTeams(scope),
    latest_draws: () => latestDrawsPerKind(),
    draw_watch: () => drawWatch(scope, { limit: WATCH_LIMIT, now }),
    expiry_radar: () => expiryRadar(scope, { limit: LIST_LIMIT, now }),
    coming_changes: () => comingChanges(scope, { limit: LIST_LIMIT, now }),
  };
}

export async function dashboardData(scope: Scope, now: Date): Promise<{ check: DashboardCheck }> {
  const widgets = dashboardWidgets(scope, now);
  const teams = await widgets.teams();
  const [latest, watch, radar, changes] = await Promise.all([widgets.latest_draws(), widgets.draw_watch(), widgets.expiry_radar(), widgets.coming_changes()]);
  return {
    check: {
      teams: teams.length,
      latest: latest.map((l) => l.draw.number),
      draws: watch.draws.filter((d) => d.above + d.nearMiss > 0).map(({ number, above, newlyAbove, nearMiss }) => ({ number, above, newlyAbove, nearMiss })),
      nearMissTotal: watch.nearMissTotal,
      radar: radar.bands.map((b) => b.total),
      changes: [changes.birthdays.total, changes.workAnniversaries.total],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The raw side
// ---------------------------------------------------------------------------------------------

function scopeOf(scope: Scope, first: number): { sql: string; params: unknown[] } {
  return seesAllTeams(scope)
    ? { sql: `c."firmId" = $${first} AND c."deletedAt" IS NULL`, params: [scope.firmId] }
    : { sql: `c."firmId" = $${first} AND c."deletedAt" IS NULL AND c."teamId" = ANY($${first + 1}::uuid[])`, params: [scope.firmId, scope.teamIds] };
}

const FIRM = (firmParam: string, nowParam: string) =>
  `firm AS MATERIALIZED (SELECT f."timeZone" AS tz, f."nearMissMargin" AS margin, (${nowParam}::timestamptz AT TIME ZONE f."timeZone")::date AS today
   FROM "Firm" f WHERE f."id" = ${firmParam})`;

const DRAWS = `draws AS (
  SELECT d."number", d."kind", d."cutoff", d."date", d."tieBreakAt",
    coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC') AS at,
    CASE WHEN coalesce(cardinality(d."programs"), 0) = 0 THEN ARRAY['FSW', 'CEC', 'FST'] ELSE d."programs" END AS covered,
    d."kind" = ANY(${CATEGORIES}) AS "isCategory",
    row_number() OVER (PARTITION BY d."kind" ORDER BY coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC') DESC,
      coalesce(nullif(substring(d."number" from '^[0-9]+'), '')::numeric, 0) DESC, d."number" DESC) AS rank
  FROM "Draw" d
)`;

/**
 * Newly above and near misses for the latest draw of each kind held in the last 365 days, from the
 * stored DrawResult rows the app reads too (the precompute step stores the watched rounds): counts
 * from the stored rows alone (`rowScope` on their team), the lists joined to their clients.
 */
export function watchSql(scopeSql: string, rowScope: string): string {
  return `
WITH ${FIRM("$1", "$2")}, ${DRAWS},
cur AS MATERIALIZED (SELECT d."number", d."date" FROM draws d, firm WHERE d.rank = 1 AND d."date" >= firm.today - 365),
counts AS (
  SELECT r."drawNumber" AS "number", count(*) FILTER (WHERE r."status" IN ('above', 'newly_above'))::int AS above,
    count(*) FILTER (WHERE r."status" = 'newly_above')::int AS "newlyAbove", count(*) FILTER (WHERE r."status" = 'near_miss')::int AS "nearMiss"
  FROM "DrawResult" r WHERE r."firmId" = $1 AND r."drawNumber" IN (SELECT "number" FROM cur) AND r."status" <> 'ineligible_close' AND ${rowScope}
  GROUP BY r."drawNumber"
),
listed AS MATERIALIZED (
  SELECT r."drawNumber" AS "number", r."status", r."margin", cur."date", c."id", c."firmId", c."teamId", c."consultantId", c."firstName", c."lastName"
  FROM "DrawResult" r JOIN cur ON cur."number" = r."drawNumber"
  JOIN "Client" c ON c."firmId" = r."firmId" AND c."id" = r."clientId"
  WHERE r."firmId" = $1 AND r."status" IN ('newly_above', 'near_miss') AND ${scopeSql}
),
top AS (
  SELECT * FROM (SELECT l.*, 'newlyAbove' AS list, row_number() OVER (PARTITION BY l."number" ORDER BY l.margin DESC, l."lastName", l."firstName", l."id") AS rn
    FROM listed l WHERE l."status" = 'newly_above') a WHERE a.rn <= $3
  UNION ALL
  SELECT * FROM (SELECT l.*, 'nearMiss' AS list, row_number() OVER (ORDER BY l.margin DESC, l."date" DESC, l."lastName", l."firstName", l."id") AS rn
    FROM listed l WHERE l."status" = 'near_miss') b WHERE b.rn <= $3
)
SELECT 'count' AS list, n."number", n.above, n."newlyAbove", n."nearMiss", NULL AS "id", NULL AS "firstName", NULL AS "lastName", NULL AS "teamName", NULL AS "consultantName", NULL::int AS margin
FROM counts n
UNION ALL
SELECT t.list, t."number", NULL, NULL, NULL, t."id"::text, t."firstName", t."lastName", tm."name", u."name", t.margin
FROM top t JOIN "Team" tm ON tm."firmId" = t."firmId" AND tm."id" = t."teamId"
LEFT JOIN "User" u ON u."firmId" = t."firmId" AND u."id" = t."consultantId"`;
}

const RADAR_DEADLINES: [string, string, string][] = [
  ["profile", "profileExpiresOn", `('profile_active')`],
  ["language_test", "languageTestExpiresOn", `('prospect', 'profile_active', 'ita_received')`],
  ["eca", "ecaExpiresOn", `('prospect', 'profile_active', 'ita_received')`],
  ["work_permit", "workPermitExpiresOn", `('prospect', 'profile_active', 'ita_received', 'application_submitted')`],
  ["passport", "passportExpiresOn", `('prospect', 'profile_active', 'ita_received', 'application_submitted')`],
];

export function radarSql(scopeSql: string): string {
  const band = `CASE ${DEADLINE_BANDS.map((b) => `WHEN x.due - (SELECT today FROM firm) <= ${DEADLINE_BAND_MAX_DAYS[b]} THEN '${b}'`).join(" ")} END`;
  const due = RADAR_DEADLINES.map(([, column, statuses]) => `CASE WHEN c."status"::text IN ${statuses} THEN c."${column}" END`);
  // Per band, a top-N sort that keeps 6 rows, instead of numbering every deadline.
  const top = DEADLINE_BANDS.map((b) => `(SELECT * FROM items i WHERE i.band = '${b}' ORDER BY i."daysLeft", i.ord, i."lastName", i."firstName", i."id" LIMIT $3)`).join(" UNION ALL ");
  return `
WITH ${FIRM("$1", "$2")},
items AS MATERIALIZED (
  SELECT x.*, x.due - (SELECT today FROM firm) AS "daysLeft", ${band} AS band
  FROM (
    SELECT c."id", c."firmId", c."lastName", c."firstName", c."teamId", c."consultantId",
      unnest(ARRAY[${due.join(", ")}]) AS due, unnest(ARRAY[${RADAR_DEADLINES.map((_, i) => i).join(", ")}]) AS ord
    FROM "Client" c
    WHERE ${scopeSql} AND c."archivedAt" IS NULL AND c."status" NOT IN ('landed', 'withdrawn', 'closed')
      -- The earliest deadline, through its expression index: only clients with something due are unpivoted.
      AND LEAST(${RADAR_DEADLINES.map(([, column]) => `c."${column}"`).join(", ")}) <= (SELECT today + 90 FROM firm)
  ) x
  WHERE x.due <= (SELECT today + 90 FROM firm)
),
totals AS (SELECT i.band, count(*)::int AS total FROM items i GROUP BY i.band),
top AS (${top})
SELECT top.band, totals.total, top."id", top."firstName", top."lastName", top.ord, top.due::text AS "dueOn", top."daysLeft", t."name" AS "teamName", u."name" AS "consultantName"
FROM top JOIN totals ON totals.band = top.band
JOIN "Team" t ON t."firmId" = top."firmId" AND t."id" = top."teamId"
LEFT JOIN "User" u ON u."firmId" = top."firmId" AND u."id" = top."consultantId"
ORDER BY top.band, top."daysLeft", top.ord, top."lastName", top."firstName", top."id"`;
}

/**
 * Birthdays (turning 30–45, each costs age points) and Canadian work anniversaries (under 5 years)
 * in the next 90 days, from each kind's stored next date (Client."nextBirthdayChangeOn",
 * "nextWorkAnniversaryOn"), as the app reads them; numbered with window functions rather than the
 * app's per-kind count and LIMIT.
 */
export function changesSql(scopeSql: string): string {
  const kind = (name: string, on: string, start: string) => `SELECT c."id", c."firmId", c."firstName", c."lastName", c."teamId", c."consultantId", c."crs",
    '${name}' AS kind, c."${on}" AS "on", c."${start}" AS start
  FROM "Client" c WHERE ${scopeSql} AND c."archivedAt" IS NULL AND c."status" IN ('prospect', 'profile_active')
    AND c."${on}" > (SELECT today FROM firm) AND c."${on}" <= (SELECT today + 90 FROM firm)`;
  return `
WITH ${FIRM("$1", "$2")},
events AS (
  ${kind("birthday", "nextBirthdayChangeOn", "dateOfBirth")}
  UNION ALL
  ${kind("canadian_work_anniversary", "nextWorkAnniversaryOn", "canadianWorkStartedOn")}
),
numbered AS (
  SELECT e.*, row_number() OVER (PARTITION BY e.kind ORDER BY e."on", e."lastName", e."firstName", e."id") AS rn, count(*) OVER (PARTITION BY e.kind)::int AS total
  FROM events e
)
SELECT n.kind, n.total, n."id", n."firstName", n."lastName", n."on"::text AS "on", date_part('year', n."on")::int - date_part('year', n.start)::int AS years,
  n."crs", c."crsFactors", t."name" AS "teamName", u."name" AS "consultantName"
FROM numbered n JOIN "Client" c ON c."firmId" = n."firmId" AND c."id" = n."id"
JOIN "Team" t ON t."firmId" = n."firmId" AND t."id" = n."teamId"
LEFT JOIN "User" u ON u."firmId" = n."firmId" AND u."id" = n."consultantId"
WHERE n.rn <= $3 ORDER BY n.kind, n.rn`;
}

const LATEST_SQL = `
SELECT * FROM (
  SELECT d."number", d."kind", d."cutoff", d."date", lag(d."cutoff") OVER w AS "previousCutoff", lag(d."number") OVER w AS "previousNumber",
    coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC') AS at,
    row_number() OVER (PARTITION BY d."kind" ORDER BY coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC') DESC,
      coalesce(nullif(substring(d."number" from '^[0-9]+'), '')::numeric, 0) DESC, d."number" DESC) AS rank
  FROM "Draw" d
  WINDOW w AS (PARTITION BY d."kind" ORDER BY coalesce(d."drawnAt", (d."date" + time '23:59:59.999') AT TIME ZONE 'UTC'),
    coalesce(nullif(substring(d."number" from '^[0-9]+'), '')::numeric, 0), d."number")
) x WHERE rank = 1 ORDER BY at DESC, "number" DESC`;

const TEAMS_SQL = `
SELECT t."id", t."name",
  (SELECT count(*) FROM "TeamMembership" m WHERE m."firmId" = t."firmId" AND m."teamId" = t."id")::int AS members,
  (SELECT count(*) FROM "Client" c WHERE c."firmId" = t."firmId" AND c."teamId" = t."id")::int AS clients
FROM "Team" t WHERE t."firmId" = $1 ORDER BY t."name"`;

export async function rawDashboard(pool: pg.Pool, scope: Scope, now: Date): Promise<{ check: DashboardCheck }> {
  const scoped = scopeOf(scope, 4);
  const args = [scope.firmId, now.toISOString()];
  const teams = await pool.query(TEAMS_SQL, [scope.firmId]);
  const [latest, watch, radar, changes] = await Promise.all([
    pool.query(LATEST_SQL),
    pool.query(watchSql(scoped.sql, seesAllTeams(scope) ? "TRUE" : `r."teamId" = ANY($5::uuid[])`), [...args, WATCH_LIMIT, ...scoped.params]),
    pool.query(radarSql(scoped.sql), [...args, LIST_LIMIT, ...scoped.params]),
    pool.query(changesSql(scoped.sql), [...args, LIST_LIMIT, ...scoped.params]),
  ]);
  const counts = watch.rows.filter((r) => r.list === "count");
  const order = new Map(latest.rows.map((r, i) => [r.number as string, i]));
  const total = (rows: { total: number; band?: string; kind?: string }[], key: "band" | "kind", value: string) => rows.find((r) => r[key] === value)?.total ?? 0;
  return {
    check: {
      teams: teams.rows.length,
      latest: latest.rows.map((r) => r.number),
      draws: counts
        .sort((a, b) => (order.get(a.number) ?? 0) - (order.get(b.number) ?? 0))
        .map((r) => ({ number: r.number, above: r.above, newlyAbove: r.newlyAbove, nearMiss: r.nearMiss })),
      nearMissTotal: counts.reduce((sum, r) => sum + r.nearMiss, 0),
      radar: DEADLINE_BANDS.map((band) => total(radar.rows, "band", band)),
      changes: [total(changes.rows, "kind", "birthday"), total(changes.rows, "kind", "canadian_work_anniversary")],
    },
  };
}

