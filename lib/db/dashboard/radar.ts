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

/** lib/deadlines' bands as SQL over a number of days left (bands.ts `bandForDaysLeft`). */
function bandSql(daysLeft: string): string {
  return `CASE ${DEADLINE_BANDS.map((band) => `WHEN ${daysLeft} <= ${DEADLINE_BAND_MAX_DAYS[band]} THEN '${band}'`).join(" ")} END`;
}

const RADAR_PARAMS = 3;

function radarSql(scopeSql: string): string {
  const due = DEADLINE_KINDS.map((kind) => `CASE WHEN c."status"::text IN (${quoted(DEADLINE_STATUSES[kind])}) THEN c."${DEADLINE_COLUMNS[kind]}" END`);
  const horizon = `$1::date + ${RADAR_DAYS}`;
  // Narrow rows, counted per band, then a top-N per band: five small heap sorts instead of sorting
  // every deadline. Unnesting in the select list, not a LATERAL join (which the planner wraps in a
  // Memoize that never hits): 35% faster at 100,000 clients. LEAST skips NULLs: a cheap test that
  // keeps only clients with something due before unpivoting.
  const top = DEADLINE_BANDS.map(
    (band) => `(SELECT * FROM items i WHERE i.band = '${band}' ORDER BY i."daysLeft", i.ord, i."lastName", i."firstName", i."id" LIMIT $3)`,
  ).join("\n  UNION ALL ");
  return `
WITH items AS MATERIALIZED (
  SELECT x.*, x.due - $1::date AS "daysLeft", ${bandSql("(x.due - $1::date)")} AS band
  FROM (
    SELECT c."id", c."lastName", c."firstName",
      unnest(ARRAY[${due.join(", ")}]::date[]) AS due, unnest(ARRAY[${DEADLINE_KINDS.map((_, i) => i).join(",")}]::int[]) AS ord
    FROM "Client" c
    WHERE ${scopeSql} AND ($2::uuid IS NULL OR c."teamId" = $2::uuid) AND c."archivedAt" IS NULL
      AND c."status" NOT IN ('landed', 'withdrawn', 'closed')
      AND ${RADAR_NEXT_DEADLINE_SQL} <= ${horizon}
  ) x
  WHERE x.due <= ${horizon}
),
totals AS (SELECT i.band, count(*)::int AS total FROM items i GROUP BY i.band),
top AS (
  ${top}
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

/** Deadlines overdue or due within 90 days, by band, most urgent first: one scan of the scoped clients. */
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
