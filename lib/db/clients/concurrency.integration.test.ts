/**
 * Saves at the same moment, against a real PostgreSQL. The race of two people on one client is
 * forced, not hoped for: a separate connection holds the client's row lock until both saves have
 * read version 1 and are waiting to write it, then lets them go together.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { ConflictError } from "@/lib/errors";
import { clientDetailToInput, createClient, getClient, updateClient } from "./index";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

let firm: TestFirm;
let locker: pg.Client;
let serial = 0;

const NAMES = ["owner", "casey", "dana"] as const;
const scopeOf = (name: (typeof NAMES)[number]) => firm.users[NAMES.indexOf(name)].scope;

function draft(overrides: Partial<ClientInputDraft> = {}): ClientInputDraft {
  serial += 1;
  return {
    firstName: "Mei",
    lastName: `Race${serial}`,
    email: `mei.race.${serial}.${Date.now()}@example.com`,
    teamId: firm.teams[0].id,
    status: "profile_active",
    profileNumber: `R${String(100000000 + serial)}`,
    profileSubmittedAt: "2026-01-10T15:00:00Z",
    programs: ["CEC"],
    manualCrs: 470,
    manualCrsReason: "From the client's IRCC account",
    notes: "start",
    ...overrides,
  };
}

beforeAll(async () => {
  firm = await createTestFirm({
    label: "concurrency",
    users: [
      { role: "owner", teams: [0], name: "Olivia Owner" },
      { role: "consultant", teams: [0], name: "Casey Consultant" },
      { role: "consultant", teams: [0], name: "Dana Second" },
    ],
  });
  locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
});

afterAll(async () => {
  await locker.end();
});

/** Sessions of this database waiting for a lock (the two saves, once both reached their write). */
async function waitingOnLocks(): Promise<number> {
  const { rows } = await locker.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
  );
  return rows[0].n;
}

describe("two people saving the same client at once", () => {
  it("one save wins; the other is refused with who changed it, and nothing of theirs is half-written", async () => {
    const { id } = await createClient(scopeOf("owner"), draft());
    const loaded = await getClient(scopeOf("owner"), id);
    expect(loaded.version).toBe(1);

    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "Client" WHERE id = $1 FOR UPDATE`, [id]);
    const caseyInput = { ...clientDetailToInput(loaded), notes: "Casey: called about the IELTS", phone: "+1 416-555-0101" };
    const danaInput = { ...clientDetailToInput(loaded), notes: "Dana: passport renewed", manualCrs: 505, manualCrsReason: "New IELTS" };
    const saves = Promise.allSettled([
      updateClient(scopeOf("casey"), id, loaded.version, caseyInput),
      updateClient(scopeOf("dana"), id, loaded.version, danaInput),
    ]);
    // Both saves have read version 1 and now wait at their write: a true race.
    const deadline = Date.now() + 10_000;
    while ((await waitingOnLocks()) < 2) {
      if (Date.now() > deadline) throw new Error("the two saves never both reached their write");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await locker.query("COMMIT");
    const [casey, dana] = await saves;

    const outcomes = [casey.status, dana.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const winner = casey.status === "fulfilled" ? "Casey Consultant" : "Dana Second";
    const loser = (casey.status === "rejected" ? casey : dana) as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    expect(loser.reason.message).toMatch(new RegExp(`^This client was changed by ${winner} at .+ your edits were not saved\\.$`));
    // The loser's input is theirs to keep (the form shows it again with the message): the call did not alter it.
    expect((casey.status === "rejected" ? caseyInput : danaInput).notes).toMatch(/^(Casey|Dana):/);

    const stored = await getClient(scopeOf("owner"), id);
    expect(stored.version).toBe(2);
    expect(stored.updatedByName).toBe(winner);
    if (winner === "Casey Consultant") expect(stored).toMatchObject({ notes: caseyInput.notes, phone: caseyInput.phone, crs: 470 });
    else expect(stored).toMatchObject({ notes: danaInput.notes, phone: null, crs: 505 });
    // Exactly one save is recorded: one audit entry, and a score row only if Dana won.
    const audits = await prisma().auditLog.count({ where: { firmId: firm.id, entityId: id, action: "client.update" } });
    expect(audits).toBe(1);
    const scores = await prisma().crsScore.count({ where: { firmId: firm.id, clientId: id } });
    expect(scores).toBe(winner === "Dana Second" ? 2 : 1);
  });
});

describe("50 saves at once on different clients", () => {
  it("persists every one of them", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await createClient(scopeOf("owner"), draft())).id);
    const details = await Promise.all(ids.map((id) => getClient(scopeOf("owner"), id)));
    const results = await Promise.allSettled(
      details.map((detail, i) =>
        updateClient(scopeOf(i % 2 ? "casey" : "dana"), detail.id, detail.version, { ...clientDetailToInput(detail), notes: `save ${i}` }),
      ),
    );
    const failures = results.flatMap((r, i) => (r.status === "rejected" ? [`save ${i}: ${String(r.reason)}`] : []));
    expect(failures).toEqual([]);
    const stored = await prisma().client.findMany({ where: { firmId: firm.id, id: { in: ids } }, select: { id: true, notes: true, version: true } });
    const byId = new Map(stored.map((c) => [c.id, c]));
    ids.forEach((id, i) => expect(byId.get(id)).toMatchObject({ notes: `save ${i}`, version: 2 }));
  });
});
