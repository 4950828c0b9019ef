import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Scope } from "@/lib/auth/scope";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { importRounds } from "@/lib/db/draws/import";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm } from "@/lib/db/testing/fixtures";
import { syntheticClients } from "@/lib/demo/synthetic-clients";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { timed } from "./stats";

/**
 * The benchmark's firm: 8 teams, an owner and an admin over all of them, 20 consultants (two or
 * three per team), a viewer; N synthetic clients (lib/demo/synthetic-clients.ts: realistic spreads
 * of scores, programs, categories, dates, one or two score-history entries each) inserted set-based
 * in one transaction, and IRCC's real draw history from data/.
 */

export const TEAM_NAMES = ["Toronto", "Vancouver", "Calgary", "Montréal", "Ottawa", "Winnipeg", "Halifax", "Edmonton"];
const CONSULTANT_NAMES = [
  "Sofia Alvarez", "Daniel Okafor", "Priya Raman", "Marc Tremblay", "Aisha Bello", "Kenji Watanabe", "Hannah Fischer", "Luis Ortega",
  "Chloé Gagnon", "Omar Haddad", "Grace Mensah", "Ivan Petrov", "Mei Lin", "Samuel Osei", "Fatima Zahra", "Noah Campbell",
  "Ana Souza", "Ravi Kapoor", "Elena Rossi", "Tom Nguyen",
];
export const ROUNDS_FILE = path.join(process.cwd(), "data", "ee_rounds_123_en.json");

export interface BenchFirm {
  id: string;
  owner: Scope;
  /** A consultant of the first team: sees that team's clients only. */
  consultant: Scope;
  teamIds: string[];
  /** Consultant ids of each team, by team index. */
  consultantsByTeam: string[][];
}

export interface SeedTimings {
  firmMs: number;
  drawsMs: number;
  draws: number;
  generateMs: number;
  insertMs: number;
  scores: number;
  vacuumAnalyzeMs: number;
}

export async function seedFirm(): Promise<BenchFirm> {
  const users = [
    { role: "owner" as const, teams: TEAM_NAMES.map((_, i) => i), name: "Olivia Chen" },
    { role: "admin" as const, teams: TEAM_NAMES.map((_, i) => i), name: "Arjun Mehta" },
    ...CONSULTANT_NAMES.map((name, i) => ({ role: "consultant" as const, teams: [i % TEAM_NAMES.length], name })),
    { role: "viewer" as const, teams: [0], name: "Grace Lim" },
  ];
  const firm = await createTestFirm({ label: "bench", teams: TEAM_NAMES, users });
  const teamIds = firm.teams.map((t) => t.id);
  const consultants = firm.users.filter((u) => u.role === "consultant");
  return {
    id: firm.id,
    owner: firm.user("owner").scope,
    consultant: firm.user("consultant").scope,
    teamIds,
    consultantsByTeam: teamIds.map((teamId) => consultants.filter((u) => u.scope.teamIds.includes(teamId)).map((u) => u.id)),
  };
}

export async function seedDraws(): Promise<number> {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(ROUNDS_FILE, "utf8")));
  const summary = await importRounds(rounds, { source: "data/ee_rounds_123_en.json (benchmark)", importedBy: "bench", warnings });
  return summary.added.length;
}

export async function seedClients(firm: BenchFirm, count: number, now: Date): Promise<{ generateMs: number; insertMs: number; scores: number }> {
  const byTeam = firm.consultantsByTeam;
  const { ms: generateMs, result: clients } = await timed(async () => syntheticClients(count, { now, teamCount: TEAM_NAMES.length, emailDomain: "client.example" }));
  const rows = clients.map((c, i) => {
    const consultants = byTeam[c.teamIndex];
    // About 3% of clients wait for a consultant, as in a real intake queue.
    const consultantId = i % 33 === 7 ? null : consultants[Math.floor(i / TEAM_NAMES.length) % consultants.length];
    return { ...c, teamId: firm.teamIds[c.teamIndex], consultantId, profileExpiresOn: null };
  });
  const { timeZone } = await prisma().firm.findUniqueOrThrow({ where: { id: firm.id }, select: { timeZone: true } });
  const { ms: insertMs } = await timed(() =>
    prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, rows, { timeZone }), { timeout: 15 * 60_000, maxWait: 10_000 }),
  );
  return { generateMs, insertMs, scores: rows.reduce((sum, c) => sum + c.scores.length, 0) };
}

/**
 * A database in service has statistics and a visibility map (autovacuum sees to both after a
 * large insert); a freshly loaded one has neither, and index-only scans would visit the heap.
 */
export async function vacuumAnalyze(pool: pg.Pool): Promise<number> {
  const { ms } = await timed(() => pool.query(`VACUUM (ANALYZE) "Client", "CrsScore", "Draw", "Team", "User", "TeamMembership", "Firm"`));
  return ms;
}
