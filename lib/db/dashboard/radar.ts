import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { DEADLINE_BAND_MAX_DAYS, DEADLINE_BANDS, DEADLINE_KINDS, type DeadlineBand, type DeadlineKind } from "@/lib/deadlines";
import { getFirm } from "../firms";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { checkOptions, type DashboardOptions, quoted } from "./options";

// ---------------------------------------------------------------------------------------------
// Expiry radar
// ---------------------------------------------------------------------------------------------

/**
 * Which deadlines still matter for a client in each status: a profile only while in the pool; a
 * language test and an ECA until the application is filed (it must be valid then); a work permit
 * and a passport until landing. Landed, withdrawn, closed and archived clients have none.
 */
const DEADLINE_STATUSES: Record<DeadlineKind, readonly string[]> = {
  profile: ["profile_active"],
  application: ["ita_received"],
  language_test: ["prospect", "profile_active", "ita_received"],
  eca: ["prospect", "profile_active", "ita_received"],
  work_permit: ["prospect", "profile_active", "ita_received", "application_submitted"],
  passport: ["prospect", "profile_active", "ita_received", "application_submitted"],
};

const DEADLINE_COLUMNS: Record<DeadlineKind, string> = {
  profile: "profileExpiresOn",
  application: "applicationDueOn",
  language_test: "languageTestExpiresOn",
  eca: "ecaExpiresOn",
  work_permit: "workPermitExpiresOn",
  passport: "passportExpiresOn",
};

const RADAR_DAYS = DEADLINE_BAND_MAX_DAYS["90"];

/**
 * The client's earliest deadline column, whatever its status: exactly the expression of the index
 * "Client_firmId_next_deadline_idx" (migration 20261205020000), so the radar's first test is an
 * index range scan rather than a look at every client.
 */
export const RADAR_NEXT_DEADLINE_SQL = `LEAST(${DEADLINE_KINDS.map((kind) => `c."${DEADLINE_COLUMNS[kind]}"`).join(", ")})`;

/** The first and last day of each band (null: unbounded), as SQL over today ($1). */
function bandRange(band: DeadlineBand): { from: string | null; to: string } {
  const index = DEADLINE_BANDS.indexOf(band);
  const from = index === 0 ? null : `$1::date + ${DEADLINE_BAND_MAX_DAYS[DEADLINE_BANDS[index - 1]] + 1}`;
  return { from, to: `$1::date + ${DEADLINE_BAND_MAX_DAYS[band]}` };
}

const RADAR_PARAMS = 3;

/**
 * One deadline kind's clients, as its partial index "Client_radar_<column>_idx" (migration
 * 20261205070000) holds them: the same status list and conditions, so the planner proves the
 * index applies and reads it alone (index-only: key (firmId, date, lastName, firstName, id),
 * teamId included).
 */
function kindWhere(kind: DeadlineKind, scopeSql: string): string {
  const column = `c."${DEADLINE_COLUMNS[kind]}"`;
  return `${scopeSql} AND ($2::uuid IS NULL OR c."teamId" = $2::uuid) AND c."archivedAt" IS NULL
    AND c."status" IN (${quoted(DEADLINE_STATUSES[kind])}) AND ${column} IS NOT NULL`;
}

/** Exported for the plan test (indexes.integration.test.ts): the statement must stay on its indexes. */
export function radarSql(scopeSql: string): string {
  // Counts: one index-only range read per deadline kind, counted per band.
  const counts = DEADLINE_KINDS.map((kind) => {
    const column = `c."${DEADLINE_COLUMNS[kind]}"`;
    const perBand = DEADLINE_BANDS.map((band) => {
      const { from, to } = bandRange(band);
      return `count(*) FILTER (WHERE ${from === null ? "" : `${column} >= ${from} AND `}${column} <= ${to})::int AS "${band}"`;
    });
    return `SELECT ${perBand.join(", ")} FROM "Client" c WHERE ${kindWhere(kind, scopeSql)} AND ${column} <= $1::date + ${RADAR_DAYS}`;
  });
  // Lists: per band and kind, the first $3 in the index's own order (date, last name, first name,
  // id) — a few index entries each — then the band's first $3 among those, the kind breaking ties.
  const candidates = DEADLINE_BANDS.flatMap((band) => {
    const { from, to } = bandRange(band);
    return DEADLINE_KINDS.map((kind, ord) => {
      const column = `c."${DEADLINE_COLUMNS[kind]}"`;
      return `(SELECT c."id", c."lastName", c."firstName", ${column} AS due, ${ord} AS ord, '${band}' AS band FROM "Client" c
    WHERE ${kindWhere(kind, scopeSql)} AND ${from === null ? "" : `${column} >= ${from} AND `}${column} <= ${to}
    ORDER BY ${column}, c."lastName", c."firstName", c."id" LIMIT $3)`;
    });
  });
  const sum = (band: DeadlineBand) => `sum(k."${band}")::int AS "${band}"`;
  return `
WITH kinds AS (
  ${counts.join("\n  UNION ALL ")}
),
totals AS (
  SELECT b.band, b.total FROM (SELECT ${DEADLINE_BANDS.map(sum).join(", ")} FROM kinds k) s
  CROSS JOIN LATERAL (VALUES ${DEADLINE_BANDS.map((band) => `('${band}', s."${band}")`).join(", ")}) b(band, total)
),
candidates AS (
  ${candidates.join("\n  UNION ALL ")}
),
top AS (
  SELECT * FROM (
    SELECT i.*, i.due - $1::date AS "daysLeft",
      row_number() OVER (PARTITION BY i.band ORDER BY i.due, i.ord, i."lastName", i."firstName", i."id") AS rn
    FROM candidates i
  ) n WHERE n.rn <= $3
)
SELECT top."id" AS "clientId", top."firstName", top."lastName", (ARRAY[${quoted(DEADLINE_KINDS)}])[top.ord + 1] AS kind,
  to_char(top.due, 'YYYY-MM-DD') AS "dueOn", top."daysLeft", top.band, totals.total AS "bandTotal", t."name" AS "teamName", u."name" AS "consultantName"
FROM top
JOIN totals ON totals.band = top.band
JOIN "Client" c ON c."firmId" = $4::uuid AND c."id" = top."id"
JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"
ORDER BY top.band, top."daysLeft", top.ord, top."lastName", top."firstName", top."id"`;
}

export interface RadarItem {
  clientId: string;
  firstName: string;
  lastName: string;
  kind: DeadlineKind;
  dueOn: CalendarDate;
  /** Negative when overdue. */
  daysLeft: number;
  teamName: string;
  consultantName: string | null;
}

export interface RadarBand {
  band: DeadlineBand;
  /** Deadlines in the band (a client with two deadlines counts twice). */
  total: number;
  /** The most urgent `limit`. */
  items: RadarItem[];
}

export interface ExpiryRadar {
  /** Today in the firm's zone: what "days left" counts from. */
  today: CalendarDate;
  /** Every band, most urgent first, empty ones included. */
  bands: RadarBand[];
}

/** Deadlines overdue or due within 90 days, by band, most urgent first: index-only reads, whatever the firm's size. */
export async function expiryRadar(scope: Scope, options: DashboardOptions = {}): Promise<ExpiryRadar> {
  const { teamId, limit } = checkOptions(options);
  const firm = await getFirm(scope);
  const today = todayIn(firm.timeZone, options.now ?? new Date());
  const scopeSql = clientScopeSql(scope, RADAR_PARAMS + 1);
  const rows = await prisma().$queryRawUnsafe<(RadarItem & { band: DeadlineBand; bandTotal: number })[]>(
    radarSql(scopeSql.sql),
    today,
    teamId,
    limit,
    ...scopeSql.params,
  );
  return {
    today,
    bands: DEADLINE_BANDS.map((band) => {
      const items = rows.filter((r) => r.band === band);
      return { band, total: items[0]?.bandTotal ?? 0, items: items.map(({ band: _b, bandTotal: _t, ...item }) => item) };
    }),
  };
}
