import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Role } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { importRounds } from "@/lib/db/draws/import";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { DATA_DIR } from "../lib/pg-location";
import { copyClients, type CopyTimings } from "./copy-clients";
import { backfillNextCrsChanges, needsNextCrsBackfill } from "./next-crs-backfill";
import type { Figures } from "./report";
import { round } from "./stats";

/**
 * The benchmark's firms, one per size, kept in the bench database between runs: 8 teams, an
 * owner and an admin over all of them, 20 consultants (two or three per team), a viewer; N
 * synthetic clients (lib/demo/synthetic-clients.ts: realistic spreads of scores, programs,
 * categories, dates, one or two score-history entries each) loaded with COPY; IRCC's real draw
 * history from data/. A firm is found again by its slug (`bench-<N>-…`) and reused when it holds
 * its N clients; one left empty by an interrupted seed is filled again.
 */

export const TEAM_NAMES = ["Toronto", "Vancouver", "Calgary", "Montréal", "Ottawa", "Winnipeg", "Halifax", "Edmonton"];
const CONSULTANT_NAMES = [
  "Sofia Alvarez", "Daniel Okafor", "Priya Raman", "Marc Tremblay", "Aisha Bello", "Kenji Watanabe", "Hannah Fischer", "Luis Ortega",
  "Chloé Gagnon", "Omar Haddad", "Grace Mensah", "Ivan Petrov", "Mei Lin", "Samuel Osei", "Fatima Zahra", "Noah Campbell",
  "Ana Souza", "Ravi Kapoor", "Elena Rossi", "Tom Nguyen",
];
export const ROUNDS_FILE = path.join(process.cwd(), "data", "ee_rounds_123_en.json");

export interface BenchUser {
  email: string;
  password: string;
  scope: Scope;
}

export interface BenchFirm {
  id: string;
  clients: number;
  owner: Scope;
  /** A consultant of the first team: sees that team's clients only. */
  consultant: Scope;
  /** Every consultant with their credentials (the HTTP benchmark signs three of them in). */
  consultants: BenchUser[];
  ownerUser: BenchUser;
  teamIds: string[];
  /** Consultant ids of each team, by team index. */
  consultantsByTeam: string[][];
  timeZone: string;
}

const slugPrefix = (clients: number) => `bench-${clients}-`;

/** The firm of `clients` clients in the bench database, as BenchFirm, or null. `filled`: its clients are all there. */
export async function findBenchFirm(pool: pg.Pool, clients: number): Promise<{ firm: BenchFirm; filled: boolean } | null> {
  const { rows: firms } = await pool.query<{ id: string; timeZone: string }>(
    `SELECT "id", "timeZone" FROM "Firm" WHERE starts_with("slug", $1) ORDER BY "createdAt" DESC LIMIT 1`,
    [slugPrefix(clients)],
  );
  if (firms.length === 0) return null;
  const { id, timeZone } = firms[0];
  const { rows: teams } = await pool.query<{ id: string }>(`SELECT "id" FROM "Team" WHERE "firmId" = $1 ORDER BY "createdAt", "name"`, [id]);
  const { rows: users } = await pool.query<{ id: string; email: string; role: Role; teamIds: string[] }>(
    `SELECT u."id", u."email", u."role"::text AS "role", coalesce(array_agg(m."teamId"::text ORDER BY m."teamId") FILTER (WHERE m."teamId" IS NOT NULL), '{}') AS "teamIds"
     FROM "User" u LEFT JOIN "TeamMembership" m ON m."firmId" = u."firmId" AND m."userId" = u."id"
     WHERE u."firmId" = $1 GROUP BY u."id", u."email", u."role", u."createdAt" ORDER BY u."createdAt", u."email"`,
    [id],
  );
  const { rows: count } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Client" WHERE "firmId" = $1`, [id]);
  const user = (u: (typeof users)[number]): BenchUser => ({ email: u.email, password: TEST_PASSWORD, scope: { userId: u.id, firmId: id, role: u.role, teamIds: u.teamIds } });
  const teamIds = teams.map((t) => t.id);
  const consultants = users.filter((u) => u.role === "consultant").map(user);
  const owner = users.find((u) => u.role === "owner");
  if (!owner || consultants.length === 0) throw new Error(`bench firm ${id} has no owner or consultants: run with --reseed`);
  // The first team's first consultant, as the table's "consultant" rows have always measured.
  const consultant = consultants.find((c) => c.scope.teamIds.includes(teamIds[0])) ?? consultants[0];
  return {
    filled: count[0].n === clients,
    firm: {
      id,
      clients: count[0].n,
      owner: user(owner).scope,
      ownerUser: user(owner),
      consultant: consultant.scope,
      consultants,
      teamIds,
      consultantsByTeam: teamIds.map((teamId) => consultants.filter((c) => c.scope.teamIds.includes(teamId)).map((c) => c.scope.userId)),
      timeZone,
    },
  };
}

export async function createBenchFirm(clients: number): Promise<void> {
  const users = [
    { role: "owner" as const, teams: TEAM_NAMES.map((_, i) => i), name: "Olivia Chen" },
    { role: "admin" as const, teams: TEAM_NAMES.map((_, i) => i), name: "Arjun Mehta" },
    ...CONSULTANT_NAMES.map((name, i) => ({ role: "consultant" as const, teams: [i % TEAM_NAMES.length], name })),
    { role: "viewer" as const, teams: [0], name: "Grace Lim" },
  ];
  await createTestFirm({ label: `bench-${clients}`, teams: TEAM_NAMES, users });
}

/** IRCC's draw history, once per database (the importer skips rounds it has). Returns the rounds added. */
export async function seedDraws(): Promise<number> {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(ROUNDS_FILE, "utf8")));
  const summary = await importRounds(rounds, { source: "data/ee_rounds_123_en.json (benchmark)", importedBy: "bench", warnings });
  return summary.added.length;
}

/**
 * The seed's own figures, kept beside the database (.data/bench-seed-<size>.json) so a run that
 * reuses the firm still reports how long seeding it took, and when.
 */
function seedFiguresFile(label: string): string {
  return path.join(DATA_DIR, `bench-seed-${label}.json`);
}

async function writeSeedFigures(firmId: string, label: string, seed: Figures): Promise<void> {
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(seedFiguresFile(label), `${JSON.stringify({ firmId, seeded_at: new Date().toISOString(), ...seed }, null, 2)}\n`);
}

async function readSeedFigures(firmId: string, label: string): Promise<Figures | null> {
  try {
    const { firmId: seededFirm, ...seed } = JSON.parse(await readFile(seedFiguresFile(label), "utf8")) as Figures;
    return seededFirm === firmId ? seed : null;
  } catch {
    return null;
  }
}

export function seedClients(pool: pg.Pool, firm: BenchFirm, count: number, now: Date, log: (m: string) => void): Promise<CopyTimings> {
  return copyClients(pool, { firmId: firm.id, teamIds: firm.teamIds, consultantsByTeam: firm.consultantsByTeam, timeZone: firm.timeZone }, count, now, log);
}

/**
 * A database in service has statistics and a visibility map (autovacuum sees to both after a
 * large insert); a freshly loaded one has neither, and index-only scans would visit the heap.
 */
export async function vacuumAnalyze(pool: pg.Pool): Promise<number> {
  const start = performance.now();
  await pool.query(`VACUUM (ANALYZE) "Client", "CrsScore", "Draw", "Team", "User", "TeamMembership", "Firm"`);
  return performance.now() - start;
}

/** The firm of `clients` clients, seeded (COPY) when missing; the seed's figures when it ran. */
export async function ensureBenchFirm(pool: pg.Pool, figures: Figures, options: { clients: number; label: string; now: Date; log: (m: string) => void }): Promise<BenchFirm> {
  const { clients, label, now, log } = options;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Draw"`);
  if (rows[0].n === 0) figures.seed_draws = await seedDraws();
  let found = await findBenchFirm(pool, clients);
  if (found?.filled) {
    log(`reusing the ${clients}-client firm ${found.firm.id} (--reseed to seed again)`);
    const earlier = await readSeedFigures(found.firm.id, label);
    Object.assign(figures, earlier ?? {}, { seeded: earlier ? `reused (seeded ${earlier.seeded_at})` : "reused" });
    if (await needsNextCrsBackfill(pool, found.firm.id)) {
      log("the kept firm was seeded without next CRS change dates: storing them…");
      const start = performance.now();
      const dated = await backfillNextCrsChanges(pool, found.firm.id, found.firm.timeZone, now);
      figures[`seed_${label}_vacuum_analyze_ms`] = round(await vacuumAnalyze(pool));
      figures[`seed_${label}_next_crs_backfill_ms`] = round(performance.now() - start);
      log(`stored the coming CRS changes of ${dated} clients in ${figures[`seed_${label}_next_crs_backfill_ms`]} ms (with VACUUM ANALYZE)`);
    }
    return found.firm;
  }
  if (found && found.firm.clients > 0) throw new Error(`the bench firm ${found.firm.id} holds ${found.firm.clients} of ${clients} clients: run with --reseed`);
  if (!found) await createBenchFirm(clients);
  found = (await findBenchFirm(pool, clients))!;
  log(`seeding ${clients} clients with COPY…`);
  const start = performance.now();
  const seeded = await seedClients(pool, found.firm, clients, now, log);
  figures[`seed_${label}_vacuum_analyze_ms`] = round(await vacuumAnalyze(pool));
  figures.seeded = "this run";
  // Everything a usable firm takes: COPY, indexes, statistics (the ≤ 5 min target at 1M).
  figures[`seed_${label}_clients_ms`] = round(performance.now() - start);
  figures[`seed_${label}_generate_ms`] = round(seeded.generateMs);
  figures[`seed_${label}_copy_ms`] = round(seeded.copyMs);
  figures[`seed_${label}_index_ms`] = round(seeded.indexMs);
  figures.crs_scores = seeded.scores;
  await writeSeedFigures(found.firm.id, label, Object.fromEntries(Object.entries(figures).filter(([k]) => k.startsWith(`seed_${label}_`) || k === "crs_scores")));
  log(`seeded in ${figures[`seed_${label}_clients_ms`]} ms (COPY ${round(seeded.copyMs)} ms, of which generating ${round(seeded.generateMs)} ms; indexes ${round(seeded.indexMs)} ms; VACUUM ANALYZE ${figures[`seed_${label}_vacuum_analyze_ms`]} ms)`);
  return (await findBenchFirm(pool, clients))!.firm;
}

