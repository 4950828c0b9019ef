import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientInputDraft } from "@/lib/clients/schema";
import type { NormalisedRound } from "@/lib/draws/round";
import { insertClientsBulk } from "../clients/bulk";
import { archiveClient, createClient, deleteClient, restoreClient, unarchiveClient, updateClient } from "../clients";
import { drawWatch } from "../dashboard";
import { importRounds } from "./import";
import { mapDrawKind } from "./kind-mapping";
import { updateFirmSettings } from "../firms";
import { transitionClient } from "../clients/ita";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";
import { drawImpact } from "./impact";
import { refreshClientResults } from "./results-refresh";
import { computeDrawMatch, pruneStoredRounds, recomputeRound, unfinishedDrawMatches } from "./results-store";

/**
 * The stored per-round results (DrawResult) against the write paths that must keep them current.
 * Draws are dated 1993 with a random suffix, so no real round or other test's draw sits between.
 */

const run = randomUUID().slice(0, 6);
const PREVIOUS = `res-prev-${run}`;
const ROUND = `res-cec-${run}`;
const OLDER = `res-old-${run}`;

async function addDraw(number: string, date: string, cutoff: number): Promise<void> {
  await prisma().draw.create({
    data: { number, kind: "cec", name: `Test CEC ${number}`, programs: ["CEC"], date: new Date(`${date}T00:00:00Z`), drawnAt: new Date(`${date}T14:00:00Z`), cutoff, size: 1000, distribution: [] },
  });
}

let firm: TestFirm;
let serial = 0;

function draft(teamId: string, crs: number, overrides: Partial<ClientInputDraft> = {}): ClientInputDraft {
  serial += 1;
  return {
    firstName: "Res",
    lastName: `Client${String(serial).padStart(3, "0")}`,
    email: `res.${serial}.${run}@example.com`,
    teamId,
    status: "profile_active",
    profileNumber: `R${run}${String(serial).padStart(4, "0")}`,
    profileSubmittedAt: "1993-01-10T15:00:00Z",
    profileExpiresOn: "1994-01-10",
    programs: ["CEC"],
    manualCrs: crs,
    manualCrsReason: "test",
    crsEffectiveAt: "1993-01-10T15:00:00Z",
    ...overrides,
  };
}

type Row = { clientId: string; status: string; crs: number; margin: number; teamId: string; reasons: string[]; tieBreak: string };
async function storedRows(drawNumber: string): Promise<Row[]> {
  return prisma().drawResult.findMany({
    where: { firmId: firm.id, drawNumber },
    orderBy: { clientId: "asc" },
    select: { clientId: true, status: true, crs: true, margin: true, teamId: true, reasons: true, tieBreak: true },
  });
}
const rowOf = async (drawNumber: string, clientId: string) => (await storedRows(drawNumber)).find((r) => r.clientId === clientId);

const ids: Record<string, string> = {};

beforeAll(async () => {
  await addDraw(OLDER, "1993-02-01", 600);
  await addDraw(PREVIOUS, "1993-05-29", 520);
  await addDraw(ROUND, "1993-06-12", 500);
  firm = await createTestFirm({ label: "results" });
  const owner = firm.user("owner").scope;
  ids.edited = (await createClient(owner, draft(firm.teams[0].id, 505, { lastName: "Edited" }))).id;
  ids.steady = (await createClient(owner, draft(firm.teams[0].id, 530, { lastName: "Steady" }))).id;
  ids.otherTeam = (await createClient(owner, draft(firm.teams[1].id, 540, { lastName: "OtherTeam" }))).id;
  ids.archived = (await createClient(owner, draft(firm.teams[0].id, 510, { lastName: "Archived" }))).id;
  ids.ineligible = (await createClient(owner, draft(firm.teams[0].id, 520, { lastName: "FswOnly", programs: ["FSW"] }))).id;
});

describe("stored draw results", () => {
  it("stores a round the first time it is opened, once, and reads it from then on", async () => {
    expect(await prisma().drawMatch.findUnique({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: ROUND } } })).toBeNull();
    const impact = await drawImpact(firm.user("owner").scope, ROUND);
    expect(impact.above.map((r) => r.lastName)).toEqual(["OtherTeam", "Steady", "Archived", "Edited"]);
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([["FswOnly", ["no_program"]]]);
    const match = await prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: ROUND } } });
    // Stored for viewing: no digest is owed for a round opened on the page.
    // OtherTeam (540) and Steady (530) were above the previous round (520) too: not newly.
    expect(match).toMatchObject({ status: "stored", above: 4, newlyAbove: 2, nearMiss: 0 });
    expect(match.computedAt).not.toBeNull();
    expect(await unfinishedDrawMatches()).not.toContainEqual({ firmId: firm.id, drawNumber: ROUND });
    expect((await storedRows(ROUND)).map((r) => r.status).sort()).toEqual(["above", "above", "ineligible_close", "newly_above", "newly_above"]);

    // A second view reads what is stored: computedAt stays, and rows written behind the rule's back show.
    await prisma().drawResult.updateMany({ where: { firmId: firm.id, drawNumber: ROUND, clientId: ids.steady }, data: { crs: 777 } });
    const again = await drawImpact(firm.user("owner").scope, ROUND);
    expect(again.above.find((r) => r.lastName === "Steady")?.crs).toBe(777);
    const after = await prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: ROUND } } });
    expect(after.computedAt).toEqual(match.computedAt);
    await recomputeRound(firm.id, ROUND);
    expect((await rowOf(ROUND, ids.steady))?.crs).toBe(530);
  });

  it("recomputes a round idempotently: twice gives the same rows", async () => {
    const before = await storedRows(ROUND);
    await recomputeRound(firm.id, ROUND);
    const once = await storedRows(ROUND);
    await recomputeRound(firm.id, ROUND);
    expect(await storedRows(ROUND)).toEqual(once);
    expect(once).toEqual(before);
    // The client-level refresh of every client gives the same rows as the whole round.
    await prisma().$transaction((tx) => refreshClientResults(tx, firm.id, Object.values(ids)));
    expect(await storedRows(ROUND)).toEqual(once);
  });

  it("an edit that lowers the score as of the round turns above into a near miss, on the page too", async () => {
    const owner = firm.user("owner").scope;
    const computedAt = (await prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: ROUND } } })).computedAt;
    expect(await rowOf(ROUND, ids.edited)).toMatchObject({ status: "newly_above", crs: 505, margin: 5 });
    const version = (await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, id: ids.edited } })).version;
    await updateClient(owner, ids.edited, version, draft(firm.teams[0].id, 495, { lastName: "Edited", crsEffectiveAt: "1993-03-01T12:00:00Z", email: `edited.${run}@example.com` }));
    expect(await rowOf(ROUND, ids.edited)).toMatchObject({ status: "near_miss", crs: 495, margin: -5 });
    const impact = await drawImpact(owner, ROUND);
    expect(impact.nearMiss.map((r) => r.lastName)).toEqual(["Edited"]);
    expect(impact.above.map((r) => r.lastName)).not.toContain("Edited");
    // Only the client's rows were replaced: the round was not recomputed.
    expect((await prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: ROUND } } })).computedAt).toEqual(computedAt);
  });

  it("archive and delete take the client off the page; unarchive and restore bring it back", async () => {
    const owner = firm.user("owner").scope;
    await archiveClient(owner, ids.archived);
    expect(await rowOf(ROUND, ids.archived)).toBeUndefined();
    expect((await drawImpact(owner, ROUND)).above.map((r) => r.lastName)).not.toContain("Archived");
    await unarchiveClient(owner, ids.archived);
    expect((await drawImpact(owner, ROUND)).above.map((r) => r.lastName)).toContain("Archived");

    await deleteClient(owner, ids.archived);
    expect(await rowOf(ROUND, ids.archived)).toBeUndefined();
    await restoreClient(owner, ids.archived);
    expect(await rowOf(ROUND, ids.archived)).toMatchObject({ status: "newly_above", crs: 510 });
  });

  it("moving a client to another team moves its rows; a team-scoped consultant sees only their team's", async () => {
    const owner = firm.user("owner").scope;
    const consultant = firm.user("consultant").scope;
    const mine = await drawImpact(consultant, ROUND);
    expect(mine.above.map((r) => r.lastName).sort()).toEqual(["Archived", "Steady"]);
    expect(mine.nearMiss.map((r) => r.lastName)).toEqual(["Edited"]);
    const watch = await drawWatch(consultant, { drawNumbers: [ROUND] });
    expect(watch.draws).toEqual([expect.objectContaining({ number: ROUND, above: 2, newlyAbove: 1, nearMiss: 1 })]);

    const version = (await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, id: ids.steady } })).version;
    await updateClient(owner, ids.steady, version, draft(firm.teams[1].id, 530, { lastName: "Steady", email: `steady.${run}@example.com` }));
    expect((await rowOf(ROUND, ids.steady))?.teamId).toBe(firm.teams[1].id);
    expect((await drawImpact(consultant, ROUND)).above.map((r) => r.lastName)).toEqual(["Archived"]);
    expect((await drawWatch(consultant, { drawNumbers: [ROUND] })).draws[0]).toMatchObject({ above: 1 });
  });

  it("an ITA recorded before the round removes the client from it; a CSV-style bulk insert adds new clients", async () => {
    const owner = firm.user("owner").scope;
    await transitionClient(owner, ids.archived, { action: "invite", itaRound: PREVIOUS, itaDate: "1993-05-29" });
    expect(await rowOf(ROUND, ids.archived)).toBeUndefined();

    const [added] = await prisma().$transaction((tx) =>
      insertClientsBulk(tx, firm.id, [testClientInsert(firm.teams[0].id, {
        lastName: "Imported",
        profileSubmittedAt: "1993-01-10T15:00:00Z",
        profileExpiresOn: "1994-01-10",
        programs: ["CEC"],
        scores: [{ crs: 550, effectiveAt: "1993-01-10T15:00:00Z", source: "manual", reason: "test" }],
      })], { timeZone: "America/Toronto" }),
    );
    // Above the previous round's 520 too: above, not newly.
    expect(await rowOf(ROUND, added)).toMatchObject({ status: "above", crs: 550, margin: 50 });
  });

  it("a changed firm margin marks the stored rounds for recomputation, and the next view uses the new margin", async () => {
    const owner = firm.user("owner").scope;
    await drawImpact(owner, OLDER);
    await updateFirmSettings(owner, { timeZone: "America/Toronto", nearMissMargin: "2", documentBufferMonths: "6", followedDrawKinds: [], pdfFirmName: "" });
    const matches = await prisma().drawMatch.findMany({ where: { firmId: firm.id } });
    expect(matches.map((m) => [m.drawNumber, m.computedAt])).toEqual(expect.arrayContaining([[ROUND, null], [OLDER, null]]));
    // The worker's sweep picks them up (a draw.match job per round), and so would the next view.
    expect(await unfinishedDrawMatches()).toEqual(expect.arrayContaining([{ firmId: firm.id, drawNumber: ROUND }]));
    expect(await computeDrawMatch(firm.id, ROUND)).toMatchObject({ computed: true, nearMiss: 0 });
    const impact = await drawImpact(owner, ROUND);
    expect(impact.margin).toBe(2);
    expect(impact.nearMiss).toEqual([]);
    expect(impact.ineligibleClose.map((r) => r.lastName)).toEqual(["FswOnly"]);
  });
});

describe("a client edit and a round recomputed at the same moment", () => {
  it("the round waits for the edit in flight, then stores the edited score: nothing lost, no conflict", async () => {
    const id = ids.edited;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const edit = prisma().$transaction(
      async (tx) => {
        await tx.crsScore.create({ data: { firmId: firm.id, clientId: id, crs: 560, effectiveAt: new Date("1993-04-01T12:00:00Z"), source: "manual", reason: "test" } });
        await refreshClientResults(tx, firm.id, [id]);
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await hasLock;
    let settled = false;
    const recompute = recomputeRound(firm.id, ROUND).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    release();
    await edit;
    await recompute;
    expect(await rowOf(ROUND, id)).toMatchObject({ crs: 560, margin: 60 });
  });
});

describe("rounds re-classified", () => {
  it("mapping an unrecognised name marks the stored round (and later ones of the kinds) for recomputation; the next view recomputes", async () => {
    const number = `res-unk-${run}`;
    const name = `Zeppelin Pilots ${run.replace(/[0-9]/g, "x")}`;
    await prisma().draw.create({
      data: { number, kind: "unrecognised", name, programs: ["CEC"], date: new Date("1993-07-01T00:00:00Z"), drawnAt: new Date("1993-07-01T14:00:00Z"), cutoff: 500, size: 10, distribution: [] },
    });
    const owner = firm.user("owner").scope;
    await drawImpact(owner, ROUND);
    await drawImpact(owner, number);
    const match = (n: string) => prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: n } } });
    const storedAt = (await match(number)).computedAt;
    expect(storedAt).not.toBeNull();

    await mapDrawKind({ via: "cli", operator: "test" }, { target: "existing", name, kind: "cec" });
    expect((await match(number)).computedAt).toBeNull();
    // The CEC round before it keeps its results: nothing before the re-classified round changed.
    expect((await match(ROUND)).computedAt).not.toBeNull();
    const impact = await drawImpact(owner, number);
    expect(impact.draw.kind).toBe("cec");
    // Now the previous CEC round (ROUND) decides "newly above": those above both are not newly.
    expect(impact.newlyAbove.length).toBeLessThan(impact.above.length);
    expect((await match(number)).computedAt!.getTime()).toBeGreaterThan(storedAt!.getTime());
  });
});

describe("rounds corrected by the feed", () => {
  const feedRound = (number: string, date: string, cutoff: number): NormalisedRound => ({
    number,
    date,
    drawnAt: `${date}T14:00:00Z`,
    tieBreakAt: null,
    size: 1000,
    cutoff,
    name: "Canadian Experience Class",
    kind: "cec",
    categoryVersion: null,
    programs: ["CEC"],
    distributionAsOf: null,
    distribution: [],
  });

  it("a corrected cut-off marks that round and the later rounds of its kind for recomputation, not the earlier ones", async () => {
    const owner = firm.user("owner").scope;
    await importRounds([feedRound("8801", "1995-01-10", 500), feedRound("8802", "1995-02-10", 500)], { source: "test", importedBy: "test" });
    await drawImpact(owner, ROUND);
    await drawImpact(owner, "8801");
    await drawImpact(owner, "8802");
    const match = (n: string) => prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: n } } });

    await importRounds([feedRound("8801", "1995-01-10", 490), feedRound("8802", "1995-02-10", 500)], { source: "test", importedBy: "test" });
    expect((await match("8801")).computedAt).toBeNull();
    expect((await match("8802")).computedAt).toBeNull();
    expect((await match(ROUND)).computedAt).not.toBeNull();
    expect((await drawImpact(owner, "8801")).draw.cutoff).toBe(490);
    expect((await match("8801")).computedAt).not.toBeNull();
  });
});

describe("timings (small firm; printed for the report)", () => {
  it("recomputes one round set-based and one client in milliseconds", async () => {
    const big = await createTestFirm({ label: "results-timing" });
    const count = 5000;
    const rows = Array.from({ length: count }, (_, i) =>
      testClientInsert(big.teams[i % 2].id, {
        lastName: `T${String(i).padStart(5, "0")}`,
        profileSubmittedAt: "1993-01-10T15:00:00Z",
        profileExpiresOn: "1994-01-10",
        programs: i % 3 === 0 ? ["FSW"] : ["CEC"],
        scores: [{ crs: 400 + (i % 200), effectiveAt: "1993-01-10T15:00:00Z", source: "manual", reason: "test" }],
      }),
    );
    const ids = await prisma().$transaction((tx) => insertClientsBulk(tx, big.id, rows, { timeZone: "America/Toronto" }), { timeout: 60_000 });
    // As autovacuum would soon after a large import: without statistics on the new rows the planner
    // takes the firm's clients for one row and scans them once per score (seconds, not milliseconds).
    await prisma().$executeRawUnsafe(`ANALYZE "Client", "CrsScore"`);
    let started = performance.now();
    await drawImpact(big.user("owner").scope, ROUND);
    const firstView = performance.now() - started;
    started = performance.now();
    await recomputeRound(big.id, ROUND);
    const round = performance.now() - started;
    started = performance.now();
    await prisma().$transaction((tx) => refreshClientResults(tx, big.id, [ids[7]]));
    const client = performance.now() - started;
    const stored = await prisma().drawResult.count({ where: { firmId: big.id, drawNumber: ROUND } });
    console.log(`DrawResult timings: ${count} clients, ${stored} rows stored; first view ${firstView.toFixed(0)} ms, recompute round ${round.toFixed(0)} ms, refresh one client ${client.toFixed(1)} ms`);
    expect(stored).toBeGreaterThan(1000);
    expect(client).toBeLessThan(round);
  });
});

describe("pruning old rounds", () => {
  it("drops the results of rounds older than WATCH_DAYS a day after they were computed; opening one again recomputes it", async () => {
    const owner = firm.user("owner").scope;
    await drawImpact(owner, ROUND);
    // A draw-day match for OLDER, already notified: pruning must not make it owe digests again.
    await prisma().drawMatch.upsert({
      where: { firmId_drawNumber: { firmId: firm.id, drawNumber: OLDER } },
      create: { firmId: firm.id, drawNumber: OLDER, status: "notified" },
      update: { status: "notified", computedAt: null },
    });
    await computeDrawMatch(firm.id, OLDER);
    const key = (drawNumber: string) => ({ firmId_drawNumber: { firmId: firm.id, drawNumber } });
    const computedAt = (await prisma().drawMatch.findUniqueOrThrow({ where: key(ROUND) })).computedAt!;

    // Within a day of their computation, only rounds marked stale (8802, corrected above) go.
    expect(await pruneStoredRounds(new Date(computedAt.getTime() + 3_600_000))).toBe(1);
    expect(await prisma().drawMatch.findUnique({ where: key("8802") })).toBeNull();
    expect(await prisma().drawMatch.findUniqueOrThrow({ where: key(ROUND) })).toMatchObject({ status: "stored" });
    let pruned = 0;
    for (let n = -1; n !== 0; pruned += n) n = await pruneStoredRounds(new Date(computedAt.getTime() + 2 * 86_400_000));
    expect(pruned).toBeGreaterThanOrEqual(2);
    expect(await prisma().drawResult.count({ where: { firmId: firm.id } })).toBe(0);
    expect(await prisma().drawMatch.findUnique({ where: key(ROUND) })).toBeNull();
    expect(await prisma().drawMatch.findUniqueOrThrow({ where: key(OLDER) })).toMatchObject({ status: "pruned", computedAt: null });
    expect(await unfinishedDrawMatches()).not.toContainEqual({ firmId: firm.id, drawNumber: OLDER });

    const impact = await drawImpact(owner, ROUND);
    expect(impact.above.length).toBeGreaterThan(0);
    expect(await prisma().drawResult.count({ where: { firmId: firm.id, drawNumber: ROUND } })).toBeGreaterThan(0);
    // Stored again, so client edits keep it current from now on.
    expect((await prisma().drawMatch.findUniqueOrThrow({ where: key(ROUND) })).computedAt).not.toBeNull();
  });
});
