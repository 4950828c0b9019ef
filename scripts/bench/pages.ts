import type pg from "pg";
import type { Scope } from "@/lib/auth/scope";
import { parseRosterQuery, type RosterQuery } from "@/lib/clients/roster-query";
import { getClient, getClientScoreHistory, listClients } from "@/lib/db/clients";
import { listAuditForEntity } from "@/lib/db/audit";
import { comingChanges, cutoffSeries, drawWatch, expiryRadar, poolDistribution } from "@/lib/db/dashboard";
import { documentsAtRiskList } from "@/lib/db/clients/documents-at-risk";
import { clientDrawResults } from "@/lib/db/draws/client-results";
import { drawImpact } from "@/lib/db/draws/impact";
import { createdCategoryKindsInUse } from "@/lib/db/draws/kinds";
import { drawSyncStatus } from "@/lib/db/draws/sync-status";
import { drawKindsPresent, latestDrawsPerKind, listDraws } from "@/lib/db/draws";
import { getFirmSettings } from "@/lib/db/firms/settings";
import { getFirm } from "@/lib/db/firms";
import { isPlatformAdmin } from "@/lib/db/users/platform-admins";
import { poolMovementView } from "@/lib/db/draws/pool-movement";
import { listTeams } from "@/lib/db/firms/teams";
import { listConsultants, listUsers } from "@/lib/db/users";
import { rosterCursorAt } from "./raw-roster";

/**
 * The server work of each page a consultant opens: the lib/db calls its server component makes,
 * in the same order and grouping (app/(app)/…/page.tsx), without rendering. When a page's loads
 * change, change its loader here: the loaders are the benchmark's only coupling to the pages.
 * The HTTP benchmark (http.ts) measures the same pages whole, through `next start`.
 */

export const ROSTER_FILTERED = "status=profile_active&program=CEC&crsMin=450&sort=crs&dir=desc";

/**
 * The roster view `depth` rows into `search`'s results, as a shared deep link opens it: the view
 * with the keyset cursor of the row before that depth (its sort keys found by one raw query, the
 * cursor encoded by lib/clients/roster-cursor.ts as the roster's links are). Call it outside the
 * timed part; the app's and the raw side's deep page then read the same rows.
 */
export async function deepRosterQuery(pool: pg.Pool, scope: Scope, search: string, depth: number): Promise<RosterQuery> {
  const cursor = await rosterCursorAt(pool, scope, parseRosterQuery(new URLSearchParams(search)), depth);
  const query = parseRosterQuery(new URLSearchParams(`${search}&cursor=${cursor}`));
  if (query.cursor !== cursor) throw new Error(`deep roster page: the roster refused the cursor (${query.cursorNotice ?? "dropped"})`);
  return query;
}

export async function rosterPage(scope: Scope, query: RosterQuery, now?: Date) {
  const [roster] = await Promise.all([listClients(scope, query, { now }), listTeams(scope), listConsultants(scope), getFirm(scope)]);
  return roster;
}

export async function clientPage(scope: Scope, id: string) {
  const client = await getClient(scope, id);
  const [history, draws] = await Promise.all([getClientScoreHistory(scope, id), clientDrawResults(scope, id, { limit: 12 }), listAuditForEntity(scope, "client", id, 50)]);
  return { client, history, draws };
}

export async function dashboardPage(scope: Scope) {
  await listTeams(scope);
  return Promise.all([
    latestDrawsPerKind(),
    drawWatch(scope, { limit: 5 }),
    expiryRadar(scope, { limit: 6 }),
    comingChanges(scope, { limit: 6 }),
    documentsAtRiskList(scope, { limit: 10 }),
    getFirmSettings(scope),
    drawSyncStatus(),
  ]);
}

export async function drawPage(scope: Scope, number: string) {
  await Promise.all([listTeams(scope), listUsers(scope), getFirm(scope)]);
  return drawImpact(scope, number, {});
}

export async function ledgerPage(scope: Scope) {
  return Promise.all([
    listDraws({ sort: "newest", page: 1, pageSize: 50 }),
    cutoffSeries({ kinds: [] }),
    poolDistribution(scope),
    drawKindsPresent(),
    getFirm(scope),
    poolMovementView(undefined),
    isPlatformAdmin(scope.userId),
    createdCategoryKindsInUse(),
  ]);
}
