import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { syntheticClients } from "@/lib/demo/synthetic-clients";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { recordAudit } from "./audit";
import { insertClientsBulk } from "./clients/bulk";
import { importRounds } from "./draws/import";
import { prisma } from "./prisma";

export const DEMO_FIRM = { name: "Maple Route Immigration", slug: "maple-route" } as const;
export const DEMO_PASSWORD = "maple-route-demo";
export const DEMO_TEAMS = ["Toronto", "Vancouver"] as const;
export const DEMO_USERS: { email: string; name: string; role: Role; teams: number[]; licenceNumber?: string }[] = [
  { email: "owner@maple-route.example", name: "Olivia Chen", role: "owner", teams: [0, 1], licenceNumber: "R512345" },
  { email: "admin@maple-route.example", name: "Arjun Mehta", role: "admin", teams: [0, 1], licenceNumber: "R523456" },
  { email: "sofia@maple-route.example", name: "Sofia Alvarez", role: "consultant", teams: [0], licenceNumber: "R534567" },
  { email: "daniel@maple-route.example", name: "Daniel Okafor", role: "consultant", teams: [1], licenceNumber: "R545678" },
  { email: "viewer@maple-route.example", name: "Grace Lim", role: "viewer", teams: [0] },
];
export const DEMO_CLIENT_COUNT = 300;
export const ROUNDS_SNAPSHOT = path.join(process.cwd(), "data", "ee_rounds_123_en.json");

/** IRCC's draw history from the snapshot shipped in data/, when the ledger is empty. */
export async function seedDrawsIfEmpty(file = ROUNDS_SNAPSHOT): Promise<number> {
  if ((await prisma().draw.count()) > 0) return 0;
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(file, "utf8")));
  const summary = await importRounds(rounds, { source: "data/ee_rounds_123_en.json (demo seed)", importedBy: "seed", warnings });
  return summary.added.length;
}

/**
 * On an empty database: the demo firm with two teams, five users (one per role) and ~300
 * synthetic clients, plus the real draw history. Does nothing when any firm exists.
 */
export async function seedDemoIfEmpty(now = new Date()): Promise<{ seeded: boolean; draws: number; signIn: { email: string; password: string } | null }> {
  const draws = await seedDrawsIfEmpty();
  if ((await prisma().firm.count()) > 0) {
    const demo = await prisma().firm.findUnique({ where: { slug: DEMO_FIRM.slug } });
    return { seeded: false, draws, signIn: demo ? { email: DEMO_USERS[0].email, password: DEMO_PASSWORD } : null };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma().$transaction(
    async (tx) => {
      const firm = await tx.firm.create({ data: DEMO_FIRM });
      const teams: { id: string }[] = [];
      for (const name of DEMO_TEAMS) teams.push(await tx.team.create({ data: { firmId: firm.id, name } }));
      const users = [];
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({ data: { firmId: firm.id, email: u.email, name: u.name, role: u.role, passwordHash, licenceNumber: u.licenceNumber ?? null } });
        await tx.teamMembership.createMany({ data: u.teams.map((i) => ({ firmId: firm.id, teamId: teams[i].id, userId: user.id })) });
        users.push(user);
      }
      const consultantOfTeam = [users[2].id, users[3].id];
      const clients = syntheticClients(DEMO_CLIENT_COUNT, { now, teamCount: teams.length, emailDomain: "client.example" });
      await insertClientsBulk(
        tx,
        firm.id,
        clients.map((c) => ({ ...c, teamId: teams[c.teamIndex].id, consultantId: consultantOfTeam[c.teamIndex], profileExpiresOn: null })),
        { timeZone: firm.timeZone },
      );
      await recordAudit({ firmId: firm.id, userId: null, userEmail: "seed" }, { action: "firm.seed_demo", entityType: "firm", entityId: firm.id, metadata: { clients: clients.length } }, tx);
    },
    { timeout: 120_000 },
  );
  return { seeded: true, draws, signIn: { email: DEMO_USERS[0].email, password: DEMO_PASSWORD } };
}
