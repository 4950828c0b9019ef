import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { ageOn, comingCrsChanges, crsInputSchema, type CrsChangeKind } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { refreshFirmCrsChanges } from "../clients/next-crs-change";
import { getFirm } from "../firms";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { checkOptions, type DashboardOptions } from "./options";

// ---------------------------------------------------------------------------------------------
// Coming CRS changes
// ---------------------------------------------------------------------------------------------

export const COMING_CHANGES_DAYS = 90;

const CHANGES_PARAMS = 3;

/** Each kind's stored next date (lib/db/clients/next-crs-change.ts) and the fact its years count from. */
const KINDS = [
  { kind: "birthday", on: `"nextBirthdayChangeOn"`, start: `"dateOfBirth"` },
  { kind: "canadian_work_anniversary", on: `"nextWorkAnniversaryOn"`, start: `"canadianWorkStartedOn"` },
] as const;

/**
 * Per kind, the clients whose stored next change of that kind falls after today ($1) and within
 * the window, in the statuses that matter: the count, and the first $3 in the widget's order. Each
 * reads its partial covering index (migration 20261205080000) as one range in that order, so
 * neither counts nor lists by reading client rows. A stored date not yet refreshed after its day
 * (the hourly job) is today or past, and the kind's next one is a year away: out of the window,
 * which is what leaving it out says. Exported for the plan test (indexes.integration.test.ts).
 */
export function changesSql(scopeSql: string): string {
  const inWindow = (on: string) => `${scopeSql} AND ($2::uuid IS NULL OR c."teamId" = $2::uuid) AND c."archivedAt" IS NULL
    AND c."status" IN ('prospect', 'profile_active') AND c.${on} > $1::date AND c.${on} <= $1::date + ${COMING_CHANGES_DAYS}`;
  const listed = KINDS.map(
    ({ kind, on }) => `(SELECT '${kind}' AS kind, c."id", c.${on} AS "on",
      (SELECT count(*)::int FROM "Client" c WHERE ${inWindow(on)}) AS total
    FROM "Client" c WHERE ${inWindow(on)}
    ORDER BY c.${on}, c."lastName", c."firstName", c."id" LIMIT $3)`,
  );
  const years = `date_part('year', n."on")::int - date_part('year', CASE n.kind ${KINDS.map(({ kind, start }) => `WHEN '${kind}' THEN c.${start}`).join(" ")} END)::int`;
  return `
WITH listed AS (
  ${listed.join("\n  UNION ALL\n  ")}
)
SELECT n."id" AS "clientId", c."firstName", c."lastName", n.kind, to_char(n."on", 'YYYY-MM-DD') AS "on", ${years} AS years, c."crs", c."crsFactors",
  to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", to_char(c."canadianWorkStartedOn", 'YYYY-MM-DD') AS "canadianWorkStartedOn",
  n.total, t."name" AS "teamName", u."name" AS "consultantName"
FROM listed n
JOIN "Client" c ON c."firmId" = $4::uuid AND c."id" = n."id"
JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"
ORDER BY n.kind, n."on", c."lastName", c."firstName", n."id"`;
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

/**
 * Rows the view brings up to date itself before reading (one batch of the refresh): the stored
 * dates whose day came since the hourly job last ran (a few hundred a day at a million clients), so
 * the list is right even between runs or without a worker. A larger backlog (just after the
 * migration that added the per-kind dates) is the worker's; nothing is due, one index probe.
 */
const REFRESH_ON_VIEW = { maxBatches: 1 } as const;

/** Birthdays that will cost points and Canadian work anniversaries that will add points in the next 90 days. */
export async function comingChanges(scope: Scope, options: DashboardOptions = {}): Promise<ComingChanges> {
  const { teamId, limit } = checkOptions(options);
  const firm = await getFirm(scope);
  const now = options.now ?? new Date();
  const today = todayIn(firm.timeZone, now);
  await refreshFirmCrsChanges(firm, now, REFRESH_ON_VIEW);
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
