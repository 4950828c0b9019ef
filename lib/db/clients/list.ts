import "server-only";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import type { RosterQuery } from "@/lib/clients/roster-query";
import { listClientsPage } from "./roster";
import type { RosterPage } from "./roster-types";
import { prisma } from "../prisma";
import { clientScopeSql, teamWhere } from "../scope";

export interface TeamClientCount {
  teamId: string;
  teamName: string;
  /** Live, not archived clients. */
  active: number;
  archived: number;
}

/** The roster page for the caller's scope (see roster.ts for how it stays fast). */
export async function listClients(scope: Scope, query: RosterQuery, options: { now?: Date } = {}): Promise<RosterPage> {
  return listClientsPage(scope, query, options.now ?? new Date());
}

/** Live clients per team the caller sees, split by archived; teams without clients count 0. */
export async function clientCountsByTeam(scope: Scope): Promise<TeamClientCount[]> {
  const scoped = clientScopeSql(scope, 1);
  const [teams, counts] = await Promise.all([
    prisma().team.findMany({ where: teamWhere(scope, seesAllTeams(scope) ? {} : { id: { in: scope.teamIds } }), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma().$queryRawUnsafe<{ teamId: string; active: number; archived: number }[]>(
      `SELECT c."teamId", count(*) FILTER (WHERE c."archivedAt" IS NULL)::int AS active, count(*) FILTER (WHERE c."archivedAt" IS NOT NULL)::int AS archived
       FROM "Client" c WHERE ${scoped.sql} GROUP BY c."teamId"`,
      ...scoped.params,
    ),
  ]);
  const byTeam = new Map(counts.map((c) => [c.teamId, c]));
  return teams.map((t) => ({ teamId: t.id, teamName: t.name, active: byTeam.get(t.id)?.active ?? 0, archived: byTeam.get(t.id)?.archived ?? 0 }));
}
