import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { ageOn, comingCrsChanges, crsInputSchema, type CrsChangeKind } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { getFirm } from "../firms";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { checkOptions, type DashboardOptions } from "./options";

// ---------------------------------------------------------------------------------------------
// Coming CRS changes
// ---------------------------------------------------------------------------------------------

export const COMING_CHANGES_DAYS = 90;

/** Month and day as one number (Jan 31 = 131). date_part, not extract: extract returns numeric, 3x slower per row. */
const monthDaySql = (date: string) => `(date_part('month', ${date}) * 100 + date_part('day', ${date}))::int`;

/**
 * The next anniversary of `start` strictly after today ($1), as lib/crs/age.ts `nextAnniversary`
 * computes it, with whole-number arithmetic per row: this year if the month and day are still to
 * come, else next year; a Feb 29 start falls on Mar 1 in a common year.
 */
function nextAnniversarySql(start: string, year: string): string {
  const leap = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
  return `CASE WHEN ${monthDaySql(start)} = 229 AND NOT ${leap} THEN make_date(${year}, 3, 1)
    ELSE make_date(${year}, date_part('month', ${start})::int, date_part('day', ${start})::int) END`;
}

const CHANGES_PARAMS = 3;

/**
 * A superset of "the anniversary falls within the window", without date arithmetic per row: month
 * and day between today's and the window end's (one day of slack for a Feb 29 start), across the
 * new year when the window spans it.
 */
function inWindowSql(date: string): string {
  const md = monthDaySql(date);
  const from = monthDaySql("$1::date");
  const to = monthDaySql(`($1::date + ${COMING_CHANGES_DAYS + 1})`);
  return `CASE WHEN ${from} <= ${to} THEN ${md} BETWEEN ${from} AND ${to} ELSE ${md} >= ${from} OR ${md} <= ${to} END`;
}

/** The workYears recorded in the stored factors, when a number: as the work anniversaries' partial index states it. */
const WORK_YEARS_SQL = `CASE WHEN jsonb_typeof(c."crsFactors"->'canadianWorkYears') = 'number' THEN (c."crsFactors"->>'canadianWorkYears')::numeric END`;

/**
 * Candidates only, each kind from its own partial index (migration 20261205070000): the clients
 * whose stored next change (lib/crs/next-change.ts) is due within the window — never later than
 * the first event listed below, and a date already passed (not refreshed yet) still qualifies —
 * in the statuses that matter, with readable factors. The indexes cover what the events need
 * (dates, names, team), so counting and picking the first $3 read no client rows; SQL finds the
 * clients whose next birthday (turning 30 to 45, each of which costs age points) or next
 * anniversary of Canadian work (while the recorded years are under 5, each of which adds points)
 * falls within the window; lib/crs computes the amounts for the listed few. Exported for the plan
 * test (indexes.integration.test.ts): the statement must stay on its indexes.
 */
export function changesSql(scopeSql: string): string {
  const candidates = `${scopeSql} AND ($2::uuid IS NULL OR c."teamId" = $2::uuid) AND c."archivedAt" IS NULL
    AND c."status" IN ('prospect', 'profile_active') AND jsonb_typeof(c."crsFactors") = 'object'
    AND c."nextCrsChangeOn" <= $1::date + ${COMING_CHANGES_DAYS}`;
  const nextYear = `date_part('year', $1::date)::int + CASE WHEN ${monthDaySql("e.start")} > ${monthDaySql("$1::date")} THEN 0 ELSE 1 END`;
  return `
WITH events AS (
  SELECT c."id", c."firstName", c."lastName", 'birthday' AS kind, c."dateOfBirth" AS start FROM "Client" c
  WHERE ${candidates} AND c."dateOfBirth" IS NOT NULL
    AND c."dateOfBirth" BETWEEN $1::date - interval '45 years 2 days' AND $1::date - interval '29 years' AND ${inWindowSql('c."dateOfBirth"')}
  UNION ALL
  SELECT c."id", c."firstName", c."lastName", 'canadian_work_anniversary', c."canadianWorkStartedOn" FROM "Client" c
  WHERE ${candidates} AND c."canadianWorkStartedOn" IS NOT NULL AND ${WORK_YEARS_SQL} < 5
    AND c."canadianWorkStartedOn" <= $1::date AND ${inWindowSql('c."canadianWorkStartedOn"')}
),
dated AS MATERIALIZED (
  SELECT d.* FROM (
    SELECT e.*, ${nextAnniversarySql("e.start", "y.year")} AS "on", y.year - date_part('year', e.start)::int AS years
    FROM events e CROSS JOIN LATERAL (SELECT ${nextYear} AS year) y
  ) d
  WHERE d."on" <= $1::date + ${COMING_CHANGES_DAYS} AND d.years >= 1 AND (d.kind <> 'birthday' OR d.years BETWEEN 30 AND 45)
),
totals AS (SELECT d.kind, count(*)::int AS total FROM dated d GROUP BY d.kind),
-- Per kind, a top-N sort that keeps $3 rows instead of numbering every event.
numbered AS (
  (SELECT d.* FROM dated d WHERE d.kind = 'birthday' ORDER BY d."on", d."lastName", d."firstName", d."id" LIMIT $3)
  UNION ALL
  (SELECT d.* FROM dated d WHERE d.kind = 'canadian_work_anniversary' ORDER BY d."on", d."lastName", d."firstName", d."id" LIMIT $3)
)
SELECT n."id" AS "clientId", n."firstName", n."lastName", n.kind, to_char(n."on", 'YYYY-MM-DD') AS "on", n.years, c."crs", c."crsFactors",
  to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", to_char(c."canadianWorkStartedOn", 'YYYY-MM-DD') AS "canadianWorkStartedOn",
  totals.total, t."name" AS "teamName", u."name" AS "consultantName"
FROM numbered n
JOIN totals ON totals.kind = n.kind
JOIN "Client" c ON c."firmId" = $4::uuid AND c."id" = n."id"
JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"
ORDER BY n.kind, n."on", n."lastName", n."firstName", n."id"`;
}

export interface ComingChange {
  clientId: string;
  firstName: string;
  lastName: string;
  teamName: string;
  consultantName: string | null;
  kind: CrsChangeKind;
  /** The birthday or anniversary, YYYY-MM-DD. */
  on: CalendarDate;
  /** Age reached, or full years of Canadian work completed, on that day. */
  years: number;
  /** Current CRS. */
  crs: number | null;
  /** Points the event changes, from the calculator on the stored factors; null when they cannot be read. */
  pointsChange: number | null;
}

export interface ComingChanges {
  today: CalendarDate;
  days: number;
  birthdays: { total: number; items: ComingChange[] };
  workAnniversaries: { total: number; items: ComingChange[] };
}

interface ChangeRow extends Omit<ComingChange, "pointsChange"> {
  crsFactors: unknown;
  dateOfBirth: string | null;
  canadianWorkStartedOn: string | null;
  total: number;
}

/** The calculator's answer for one event, as on the client page: the stored factors with today's age. */
function pointsFor(row: ChangeRow, today: CalendarDate): number | null {
  const factors = crsInputSchema.safeParse(row.crsFactors);
  if (!factors.success) return null;
  try {
    const age = row.dateOfBirth ? ageOn(row.dateOfBirth, today) : factors.data.age;
    const changes = comingCrsChanges({ ...factors.data, age }, { dateOfBirth: row.dateOfBirth, canadianWorkStartedOn: row.canadianWorkStartedOn }, today);
    return changes.find((c) => c.kind === row.kind && c.date === row.on)?.pointsChange ?? 0;
  } catch {
    return null;
  }
}

/** Birthdays that will cost points and Canadian work anniversaries that will add points in the next 90 days. */
export async function comingChanges(scope: Scope, options: DashboardOptions = {}): Promise<ComingChanges> {
  const { teamId, limit } = checkOptions(options);
  const firm = await getFirm(scope);
  const today = todayIn(firm.timeZone, options.now ?? new Date());
  const scopeSql = clientScopeSql(scope, CHANGES_PARAMS + 1);
  const rows = await prisma().$queryRawUnsafe<ChangeRow[]>(changesSql(scopeSql.sql), today, teamId, limit, ...scopeSql.params);
  const section = (kind: CrsChangeKind) => {
    const listed = rows.filter((r) => r.kind === kind);
    return {
      total: listed[0]?.total ?? 0,
      items: listed.map((row) => {
        const { crsFactors: _f, dateOfBirth: _d, canadianWorkStartedOn: _w, total: _t, ...rest } = row;
        return { ...rest, pointsChange: pointsFor(row, today) };
      }),
    };
  };
  return { today, days: COMING_CHANGES_DAYS, birthdays: section("birthday"), workAnniversaries: section("canadian_work_anniversary") };
}
