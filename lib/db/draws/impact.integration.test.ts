import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientStatus } from "@/lib/clients/status";
import { prng, syntheticClients } from "@/lib/demo/synthetic-clients";
import { profileExpiresAt, profileExpiresOn as twelveMonthExpiry } from "@/lib/deadlines/expiry";
import { drawInstant, drawResultForClient, type EligibilityClient, type EligibilityDraw } from "@/lib/draws/eligibility";
import { PROGRAMS, type Program } from "@/lib/draws/kinds";
import { NotFoundError } from "@/lib/errors";
import { insertClientsBulk, type ClientInsert } from "../clients/bulk";
import { clientDrawResults } from "./client-results";
import { drawImpact, type DrawImpact } from "./impact";
import { previousDrawOfKind } from "./find";
import type { DrawRecord } from "./record";
import { refreshClientResults } from "./results-refresh";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

/**
 * The draw impact query against hand-made rosters, list by list. Draws are shared by every test
 * file of the run, so these are dated 1991 and numbered with a random suffix: no real round (2015
 * onwards) and no other test's draw falls between them.
 */

const run = randomUUID().slice(0, 6);
const drawNo = (name: string) => `${name}-${run}`;

interface DrawSpec {
  number: string;
  kind: string;
  programs: string[];
  date: string;
  drawnAt: string | null;
  cutoff: number;
  tieBreakAt: string | null;
}

async function addDraw(spec: DrawSpec): Promise<void> {
  await prisma().draw.create({
    data: {
      number: spec.number,
      kind: spec.kind,
      name: `Test ${spec.kind} ${spec.number}`,
      programs: spec.programs,
      date: new Date(`${spec.date}T00:00:00Z`),
      drawnAt: spec.drawnAt ? new Date(spec.drawnAt) : null,
      tieBreakAt: spec.tieBreakAt ? new Date(spec.tieBreakAt) : null,
      cutoff: spec.cutoff,
      size: 1000,
      distribution: [],
    },
  });
}

interface ClientSpec {
  /** Last name; unique within a firm, so the expectations can name clients. */
  name: string;
  team?: number;
  status?: ClientStatus;
  submittedAt?: string | null;
  /** Default: 12 months after submission (Toronto), as the app stores it. */
  expiresOn?: string | null;
  programs?: string[];
  nominationProvince?: string | null;
  nominatedOn?: string | null;
  categories?: string[];
  languageTestExpiresOn?: string | null;
  invitedAt?: string | null;
  /** Score history as [crs, effectiveAt]; default one score at submission. */
  scores?: [number, string][];
  crs?: number;
}

const SUBMITTED = "1991-01-10T15:00:00Z";

async function addClient(firm: TestFirm, spec: ClientSpec): Promise<string> {
  const submittedAt = spec.submittedAt === undefined ? SUBMITTED : spec.submittedAt;
  const scores = spec.scores ?? (spec.crs === undefined ? [] : [[spec.crs, submittedAt ?? SUBMITTED] as [number, string]]);
  const expiresOn = spec.expiresOn !== undefined ? spec.expiresOn : submittedAt ? twelveMonthExpiry(submittedAt) : null;
  const date = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);
  const client = await prisma().client.create({
    data: {
      firmId: firm.id,
      teamId: firm.teams[spec.team ?? 0].id,
      consultantId: firm.user("consultant").id,
      firstName: "Test",
      lastName: spec.name,
      status: spec.status ?? "profile_active",
      profileNumber: `E${randomUUID().replace(/-/g, "").slice(0, 10)}`,
      profileSubmittedAt: submittedAt ? new Date(submittedAt) : null,
      profileExpiresOn: date(expiresOn),
      programs: spec.programs ?? ["CEC"],
      nominationProvince: spec.nominationProvince ?? null,
      nominatedOn: date(spec.nominatedOn),
      categories: spec.categories ?? [],
      languageTestExpiresOn: date(spec.languageTestExpiresOn),
      invitedAt: spec.invitedAt ? new Date(spec.invitedAt) : null,
      crs: scores.at(-1)?.[0] ?? null,
    },
  });
  if (scores.length > 0) {
    await prisma().crsScore.createMany({
      data: scores.map(([crs, at]) => ({ firmId: firm.id, clientId: client.id, crs, effectiveAt: new Date(at), source: "manual" })),
    });
  }
  return client.id;
}

const names = (rows: { lastName: string }[]) => rows.map((r) => r.lastName);

// The CEC pair: the previous draw (cut-off 520) and the one under test (cut-off 500).
const PREVIOUS_CEC: DrawSpec = {
  number: drawNo("cec-prev"),
  kind: "cec",
  programs: ["CEC"],
  date: "1991-05-29",
  drawnAt: "1991-05-29T14:00:00Z",
  cutoff: 520,
  tieBreakAt: "1991-04-10T12:00:00Z",
};
const CEC: DrawSpec = {
  number: drawNo("cec"),
  kind: "cec",
  programs: ["CEC"],
  date: "1991-06-12",
  drawnAt: "1991-06-12T14:00:00Z",
  cutoff: 500,
  tieBreakAt: "1991-05-01T12:00:00Z",
};
const PNP: DrawSpec = { number: drawNo("pnp"), kind: "pnp", programs: ["FSW", "CEC", "FST"], date: "1991-06-13", drawnAt: null, cutoff: 700, tieBreakAt: null };
const STEM: DrawSpec = {
  number: drawNo("stem"),
  kind: "stem",
  programs: ["FSW", "CEC", "FST"],
  date: "1991-06-14",
  drawnAt: "1991-06-14T13:00:00Z",
  cutoff: 480,
  tieBreakAt: "1991-05-15T12:00:00Z",
};

// Held at 05:00 UTC: after midnight in Toronto (04:00 UTC), before midnight in Vancouver (07:00 UTC).
const FST_AT_DAWN: DrawSpec = { number: drawNo("fst"), kind: "fst", programs: ["FST"], date: "1991-07-02", drawnAt: "1991-07-02T05:00:00Z", cutoff: 400, tieBreakAt: null };

let firm: TestFirm;
let otherFirm: TestFirm;
let special: TestFirm;
const ids = new Map<string, string>();

beforeAll(async () => {
  for (const draw of [PREVIOUS_CEC, CEC, PNP, STEM, FST_AT_DAWN]) await addDraw(draw);
  [firm, otherFirm, special] = await Promise.all([
    createTestFirm({ label: "impact" }),
    createTestFirm({ label: "impact-other" }),
    createTestFirm({ label: "impact-kinds" }),
  ]);
  const roster: ClientSpec[] = [
    // Tie-break at 500 (tie-break time 1991-05-01T12:00:00Z): before and exactly at are invited.
    { name: "TieBefore", crs: 500, submittedAt: "1991-04-30T12:00:00Z" },
    { name: "TieExact", crs: 500, submittedAt: "1991-05-01T12:00:00Z" },
    { name: "TieAfter", crs: 500, submittedAt: "1991-05-01T12:00:01Z" },
    { name: "LateOneAbove", crs: 501, submittedAt: "1991-05-30T09:00:00Z" },
    // Profile expiry dates are the last day in the pool, in the firm's zone.
    { name: "Expired", crs: 550, expiresOn: "1991-06-11" },
    { name: "ExpiresOnDrawDate", crs: 530, expiresOn: "1991-06-12" },
    { name: "FswOnly", crs: 560, programs: ["FSW"] },
    // History decides: the score in effect at the draw, not today's.
    { name: "FellAfterDraw", scores: [[540, SUBMITTED], [480, "1991-06-20T10:00:00Z"]] },
    { name: "RoseAfterDraw", scores: [[470, SUBMITTED], [560, "1991-06-12T14:00:01Z"]] },
    { name: "AboveBoth", crs: 530 },
    { name: "RoseSincePrevious", scores: [[510, SUBMITTED], [525, "1991-06-01T10:00:00Z"]] },
    { name: "TenBelow", crs: 490 },
    { name: "ElevenBelow", crs: 489 },
    { name: "TeamTwo", crs: 600, team: 1 },
    { name: "TeamTwoNear", crs: 495, team: 1 },
    { name: "InvitedBefore", crs: 600, status: "ita_received", invitedAt: "1991-06-01T10:00:00Z" },
    { name: "InvitedByThisDraw", crs: 515, status: "ita_received", invitedAt: "1991-06-12T14:00:00Z" },
    { name: "Withdrawn", crs: 600, status: "withdrawn" },
    { name: "LanguageExpired", crs: 540, languageTestExpiresOn: "1991-06-11" },
    { name: "LanguageValidOnDrawDate", crs: 502, languageTestExpiresOn: "1991-06-12" },
    { name: "SubmittedAfterDraw", submittedAt: "1991-06-13T10:00:00Z", scores: [[540, "1991-06-01T10:00:00Z"]] },
    { name: "NoScore", scores: [] },
    { name: "IneligibleFar", crs: 480, programs: ["FSW"] },
  ];
  for (const spec of roster) ids.set(spec.name, await addClient(firm, spec));
  // Another firm's client who clears every draw: must never appear.
  ids.set("OtherFirm", await addClient(otherFirm, { name: "OtherFirm", crs: 900, programs: ["FSW", "CEC", "FST"], nominationProvince: "ON", categories: ["stem"] }));

  const kinds: ClientSpec[] = [
    { name: "Nominated", crs: 750, nominationProvince: "ON", nominatedOn: "1991-03-01" },
    { name: "NominatedOnDrawDate", crs: 705, nominationProvince: "BC", nominatedOn: "1991-06-13" },
    { name: "NoNomination", crs: 760 },
    { name: "BlankProvince", crs: 760, nominationProvince: " " },
    { name: "NominatedAfter", crs: 720, nominationProvince: "BC", nominatedOn: "1991-06-20" },
    { name: "NominatedNear", crs: 695, nominationProvince: "AB" },
    { name: "StemHolder", crs: 481, categories: ["stem"] },
    { name: "StemNear", crs: 472, categories: ["stem", "healthcare"] },
    { name: "HealthcareOnly", crs: 600, categories: ["healthcare"] },
  ];
  for (const spec of kinds) ids.set(spec.name, await addClient(special, spec));
});

describe("drawImpact: a CEC draw", () => {
  let impact: DrawImpact;
  beforeAll(async () => {
    impact = await drawImpact(firm.user("owner").scope, CEC.number);
  });

  it("finds the draw and the previous draw of its kind, with the firm's margin", () => {
    expect(impact.draw.number).toBe(CEC.number);
    expect(impact.previousDraw?.number).toBe(PREVIOUS_CEC.number);
    expect(impact.margin).toBe(10);
  });

  it("lists exactly the clients above the cut-off, by margin then last name", () => {
    expect(names(impact.above)).toEqual([
      "TeamTwo", // 600
      "FellAfterDraw", // 540 at the draw
      "AboveBoth", // 530
      "ExpiresOnDrawDate", // 530
      "RoseSincePrevious", // 525
      "InvitedByThisDraw", // 515
      "LanguageValidOnDrawDate", // 502
      "LateOneAbove", // 501
      "TieBefore", // 500, before the tie-break
      "TieExact", // 500, exactly at the tie-break
    ]);
    expect(impact.above.find((r) => r.lastName === "FellAfterDraw")).toMatchObject({ crs: 540, margin: 40 });
    expect(impact.above.filter((r) => r.margin === 0).map((r) => r.tieBreak)).toEqual(["before", "before"]);
    expect(impact.above.find((r) => r.lastName === "LateOneAbove")?.tieBreak).toBe("not_applicable");
    expect(impact.above.find((r) => r.lastName === "TieExact")).toMatchObject({
      clientId: ids.get("TieExact"),
      firstName: "Test",
      teamId: firm.teams[0].id,
      teamName: firm.teams[0].name,
      consultantId: firm.user("consultant").id,
      profileSubmittedAt: "1991-05-01T12:00:00.000Z",
      profileNumber: expect.stringMatching(/^E/),
    });
  });

  it("lists as newly above those not above the previous draw (cut-off 520) with their score then", () => {
    expect(names(impact.newlyAbove)).toEqual([
      "RoseSincePrevious", // 510 at the previous draw
      "InvitedByThisDraw",
      "LanguageValidOnDrawDate",
      "LateOneAbove", // not yet in the pool at the previous draw
      "TieBefore",
      "TieExact",
    ]);
  });

  it("lists near misses within 10 points, a lost tie-break included", () => {
    expect(names(impact.nearMiss)).toEqual(["TieAfter", "TeamTwoNear", "TenBelow"]);
    expect(impact.nearMiss.map((r) => r.margin)).toEqual([0, -5, -10]);
    expect(impact.nearMiss[0].tieBreak).toBe("after");
  });

  it("lists ineligible clients in the pool who were close, with every reason", () => {
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([
      ["FswOnly", ["no_program"]],
      ["Expired", ["profile_expired"]],
      ["LanguageExpired", ["language_test_expired"]],
      ["SubmittedAfterDraw", ["not_in_pool"]],
    ]);
  });

  it("never lists another firm's clients, the invited, the withdrawn or the unscored", () => {
    const listed = [...impact.above, ...impact.nearMiss, ...impact.ineligibleClose].map((r) => r.clientId);
    for (const name of ["OtherFirm", "InvitedBefore", "Withdrawn", "NoScore", "RoseAfterDraw", "ElevenBelow", "IneligibleFar"]) {
      expect(listed).not.toContain(ids.get(name));
    }
  });

  it("counts by team and by consultant", () => {
    const [teamOne, teamTwo] = firm.teams;
    expect(impact.countsByTeam).toEqual([
      { teamId: teamOne.id, teamName: teamOne.name, above: 9, newlyAbove: 6, nearMiss: 2 },
      { teamId: teamTwo.id, teamName: teamTwo.name, above: 1, newlyAbove: 0, nearMiss: 1 },
    ]);
    expect(impact.countsByConsultant).toEqual([
      { consultantId: firm.user("consultant").id, consultantName: expect.any(String), above: 10, newlyAbove: 6, nearMiss: 3 },
    ]);
  });

  it("moves the near-miss edge with the margin", async () => {
    const wider = await drawImpact(firm.user("owner").scope, CEC.number, { margin: 11 });
    expect(names(wider.nearMiss)).toEqual(["TieAfter", "TeamTwoNear", "TenBelow", "ElevenBelow"]);
    const none = await drawImpact(firm.user("owner").scope, CEC.number, { margin: 0 });
    expect(names(none.nearMiss)).toEqual(["TieAfter"]);
    expect(names(none.above)).toEqual(names(impact.above));
  });

  it("widens only the ineligible list with closeMargin", async () => {
    const close = await drawImpact(firm.user("owner").scope, CEC.number, { closeMargin: 20 });
    expect(names(close.ineligibleClose)).toEqual(["FswOnly", "Expired", "LanguageExpired", "SubmittedAfterDraw", "IneligibleFar"]);
    expect(names(close.nearMiss)).toEqual(names(impact.nearMiss));
  });

  it("shows a consultant only their teams' clients", async () => {
    const mine = await drawImpact(firm.user("consultant").scope, CEC.number);
    const teamOne = (rows: { teamId: string; lastName: string }[]) => rows.filter((r) => r.teamId === firm.teams[0].id).map((r) => r.lastName);
    expect(names(mine.above)).toEqual(teamOne(impact.above));
    expect(names(mine.nearMiss)).toEqual(teamOne(impact.nearMiss));
    expect(names(mine.above)).not.toContain("TeamTwo");
    expect(names(mine.nearMiss)).not.toContain("TeamTwoNear");
    // Asking for a team outside the consultant's own finds nothing rather than widening the scope.
    const other = await drawImpact(firm.user("consultant").scope, CEC.number, { teamId: firm.teams[1].id });
    expect([...other.above, ...other.nearMiss, ...other.ineligibleClose]).toEqual([]);
  });

  it("filters by team and consultant for the owner", async () => {
    const teamTwo = await drawImpact(firm.user("owner").scope, CEC.number, { teamId: firm.teams[1].id });
    expect(names(teamTwo.above)).toEqual(["TeamTwo"]);
    const nobody = await drawImpact(firm.user("owner").scope, CEC.number, { consultantId: firm.user("admin").id });
    expect(nobody.above).toEqual([]);
  });

  it("shows the other firm only its own client", async () => {
    const theirs = await drawImpact(otherFirm.user("owner").scope, CEC.number);
    expect(names(theirs.above)).toEqual(["OtherFirm"]);
  });

  it("refuses an unknown draw", async () => {
    await expect(drawImpact(firm.user("owner").scope, drawNo("missing"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("drawImpact: PNP and category draws", () => {
  it("requires a nomination held on the draw date; the first PNP draw makes everyone above newly above", async () => {
    const impact = await drawImpact(special.user("owner").scope, PNP.number);
    expect(names(impact.above)).toEqual(["Nominated", "NominatedOnDrawDate"]);
    expect(names(impact.newlyAbove)).toEqual(["Nominated", "NominatedOnDrawDate"]);
    expect(names(impact.nearMiss)).toEqual(["NominatedNear"]);
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([
      ["BlankProvince", ["no_nomination"]],
      ["NoNomination", ["no_nomination"]],
      ["NominatedAfter", ["no_nomination"]],
    ]);
  });

  it("requires the category for a category draw", async () => {
    const impact = await drawImpact(special.user("owner").scope, STEM.number);
    expect(names(impact.above)).toEqual(["StemHolder"]);
    expect(names(impact.nearMiss)).toEqual(["StemNear"]);
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([
      ["BlankProvince", ["no_category"]],
      ["NoNomination", ["no_category"]],
      ["Nominated", ["no_category"]],
      ["NominatedAfter", ["no_category"]],
      ["NominatedOnDrawDate", ["no_category"]],
      ["NominatedNear", ["no_category"]],
      ["HealthcareOnly", ["no_category"]],
    ]);
  });
});

describe("drawImpact: profile expiry in the firm's time zone", () => {
  it("ends a stored expiry date at midnight where the firm is, and the 12-month fallback at midnight in Toronto", async () => {
    const vancouver = await createTestFirm({ label: "impact-zone" });
    await prisma().firm.update({ where: { id: vancouver.id }, data: { timeZone: "America/Vancouver" } });
    await addClient(vancouver, { name: "ExpiresJulyFirst", crs: 450, programs: ["FST"], expiresOn: "1991-07-01" });
    // No stored date: submitted 1990-07-01 (Toronto), so the fallback's last day is 1991-07-01 too.
    await addClient(vancouver, { name: "FallbackJulyFirst", crs: 450, programs: ["FST"], submittedAt: "1990-07-01T15:00:00Z", expiresOn: null });
    const impact = await drawImpact(vancouver.user("owner").scope, FST_AT_DAWN.number);
    expect(names(impact.above)).toEqual(["ExpiresJulyFirst"]);
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([["FallbackJulyFirst", ["profile_expired"]]]);
  });
});

describe("clientDrawResults", () => {
  it("judges each recent draw with the score in effect then", async () => {
    const results = await clientDrawResults(firm.user("owner").scope, ids.get("FellAfterDraw")!, { limit: 500 });
    const cec = results.find((r) => r.draw.number === CEC.number);
    expect(cec).toMatchObject({ crs: 540, eligible: true, reasons: [], above: true, newlyAbove: false, nearMiss: false, margin: 40, tieBreak: "not_applicable" });
    const stem = results.find((r) => r.draw.number === STEM.number);
    expect(stem).toMatchObject({ crs: 540, eligible: false, reasons: ["no_category"], above: false });
    // Newest first.
    const order = results.map((r) => r.draw.number);
    expect(order.indexOf(STEM.number)).toBeLessThan(order.indexOf(CEC.number));
    expect(order.indexOf(CEC.number)).toBeLessThan(order.indexOf(PREVIOUS_CEC.number));
  });

  it("reports a lost tie-break as a near miss and a new arrival as newly above", async () => {
    const lost = await clientDrawResults(firm.user("owner").scope, ids.get("TieAfter")!, { limit: 500 });
    expect(lost.find((r) => r.draw.number === CEC.number)).toMatchObject({ above: false, nearMiss: true, margin: 0, tieBreak: "after" });
    const late = await clientDrawResults(firm.user("owner").scope, ids.get("LateOneAbove")!, { limit: 500 });
    expect(late.find((r) => r.draw.number === CEC.number)).toMatchObject({ above: true, newlyAbove: true });
    expect(late.find((r) => r.draw.number === PREVIOUS_CEC.number)).toMatchObject({ eligible: false, reasons: ["not_in_pool", "no_score"] });
  });

  it("answers a client outside the scope as not found", async () => {
    await expect(clientDrawResults(firm.user("consultant").scope, ids.get("TeamTwo")!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(clientDrawResults(firm.user("owner").scope, ids.get("OtherFirm")!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(clientDrawResults(firm.user("owner").scope, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("returns at most `limit` draws", async () => {
    expect(await clientDrawResults(firm.user("owner").scope, ids.get("TenBelow")!, { limit: 2 })).toHaveLength(2);
  });
});

describe("drawImpact agrees with eligibility.ts client by client", () => {
  // 300 synthetic clients in a firm on Vancouver time (the profile expiry zone must follow the
  // firm), a dozen draws of every sort dated 1998–1999, and the pure rule applied in JS.
  const NOW = new Date("1999-06-01T12:00:00Z");
  const KINDS = ["cec", "cec", "cec", "pnp", "pnp", "general", "fsw", "stem", "stem", "french", "healthcare", "unrecognised"];
  let parity: TestFirm;
  let clients: ParityClient[];
  const draws: string[] = [];

  beforeAll(async () => {
    parity = await createTestFirm({ label: "impact-parity" });
    await prisma().firm.update({ where: { id: parity.id }, data: { timeZone: "America/Vancouver" } });
    const synthetic = syntheticClients(300, { now: NOW, teamCount: 2, seed: 7, emailDomain: `${parity.slug}.example` });
    const rows: ClientInsert[] = synthetic.map((c) => ({
      ...c,
      teamId: parity.teams[c.teamIndex].id,
      consultantId: parity.user("consultant").id,
      profileExpiresOn: null,
    }));
    const ids = await prisma().$transaction((tx) => insertClientsBulk(tx, parity.id, rows, { timeZone: "America/Vancouver" }));
    const rand = prng(11);
    const times = KINDS.map(() => Date.UTC(1998, 8, 1) + Math.floor(rand() * 270 * 86_400_000)).sort((a, b) => a - b);
    const drawDates = times.map((t) => new Date(t).toISOString().slice(0, 10));
    await perturb(parity.id, ids, drawDates, rand);
    clients = await loadParityClients(parity.id);

    for (const [i, kind] of KINDS.entries()) {
      const drawnAt = new Date(times[i]);
      const date = drawDates[i];
      const instant = rand() < 0.25 ? Date.parse(`${date}T23:59:59.999Z`) : times[i];
      // The cut-off is a real client's score then, with the tie-break at their submission time,
      // so equal scores on both sides of the tie-break occur.
      const pool = clients.filter((c) => c.submittedAt !== null && c.submittedAt.getTime() < instant && crsAt(c, instant) !== null && (kind !== "pnp" || c.nominationProvince));
      const pivot = pool[Math.floor(rand() * pool.length)];
      const programs = rand() < 0.1 ? [] : PROGRAMS.filter(() => rand() < 0.7);
      const spec: DrawSpec = {
        number: drawNo(`parity-${i}`),
        kind,
        programs: programs.length > 0 || rand() < 0.5 ? programs : ["CEC"],
        date,
        drawnAt: instant === times[i] ? drawnAt.toISOString() : null,
        cutoff: crsAt(pivot, instant)!,
        tieBreakAt: rand() < 0.2 ? null : pivot.submittedAt!.toISOString(),
      };
      await addDraw(spec);
      draws.push(spec.number);
    }
  });

  it("lists exactly the clients the pure rule puts above, newly above, near and ineligible-but-close", async () => {
    let checked = 0;
    for (const number of draws) {
      const impact = await drawImpact(parity.user("owner").scope, number, { margin: 10, closeMargin: 25 });
      const expected = expectedImpact(clients, impact.draw, impact.previousDraw, 10, 25, "America/Vancouver");
      const actual = {
        above: impact.above.map(key).sort(),
        newlyAbove: impact.newlyAbove.map(key).sort(),
        nearMiss: impact.nearMiss.map(key).sort(),
        ineligibleClose: impact.ineligibleClose.map((r) => `${key(r)} ${r.reasons.join(",")}`).sort(),
      };
      expect(actual, `draw ${number} (${impact.draw.kind}, cut-off ${impact.draw.cutoff})`).toEqual(expected);
      for (const list of [impact.above, impact.nearMiss, impact.ineligibleClose]) {
        expect(list.map((r) => r.margin)).toEqual([...list.map((r) => r.margin)].sort((a, b) => b - a));
      }
      checked += expected.above.length + expected.nearMiss.length + expected.ineligibleClose.length;

      // A consultant's narrower view reads the scores per client instead of in one pass: same answer.
      const mine = await drawImpact(parity.user("consultant").scope, number, { margin: 10, closeMargin: 25 });
      const teamOne = clients.filter((c) => c.teamId === parity.teams[0].id);
      expect({
        above: mine.above.map(key).sort(),
        newlyAbove: mine.newlyAbove.map(key).sort(),
        nearMiss: mine.nearMiss.map(key).sort(),
        ineligibleClose: mine.ineligibleClose.map((r) => `${key(r)} ${r.reasons.join(",")}`).sort(),
      }, `draw ${number}, consultant`).toEqual(expectedImpact(teamOne, impact.draw, impact.previousDraw, 10, 25, "America/Vancouver"));
    }
    // The roster and draws are meant to hit every list; a silent empty comparison proves nothing.
    expect(checked).toBeGreaterThan(300);
  });

  it("stores for each round exactly what the pure rule says at the firm's margin, and a per-client refresh stores the same", async () => {
    // The edges named once more, per round, on top of the synthetic roster: a score exactly at the
    // cut-off submitted exactly at the tie-break time and 1 ms after it; a profile whose last day
    // in the pool is the draw date, and one that expired the day before; a category draw's
    // holder and non-holder.
    const categories = new Set((await prisma().categoryKind.findMany({ select: { code: true } })).map((k) => k.code));
    const edges: ClientInsert[] = [];
    for (const number of draws) {
      const d = await prisma().draw.findUniqueOrThrow({ where: { number } });
      const date = d.date.toISOString().slice(0, 10);
      const tie = d.tieBreakAt ?? new Date(drawInstant({ date, drawnAt: d.drawnAt?.toISOString() ?? null }).getTime() - 86_400_000);
      const before = (days: number) => new Date(tie.getTime() - days * 86_400_000).toISOString();
      const dayBefore = new Date(`${date}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      const edge = (name: string, crs: number, submitted: string, extra: Partial<ClientInsert> = {}) =>
        edges.push(testClientInsert(parity.teams[edges.length % 2].id, {
          lastName: `Edge ${name} ${number}`,
          profileSubmittedAt: submitted,
          programs: [...PROGRAMS],
          nominationProvince: "ON",
          categories: categories.has(d.kind) ? [d.kind] : [],
          scores: [{ crs, effectiveAt: submitted, source: "manual", reason: "edge" }],
          ...extra,
        }));
      edge("tie-equal", d.cutoff, tie.toISOString());
      edge("tie-after", d.cutoff, new Date(tie.getTime() + 1).toISOString());
      edge("last-day", d.cutoff + 1, before(30), { profileExpiresOn: date });
      edge("expired", d.cutoff + 1, before(30), { profileExpiresOn: dayBefore.toISOString().slice(0, 10) });
      if (categories.has(d.kind)) edge("no-category", d.cutoff + 3, before(30), { categories: [] });
    }
    await prisma().$transaction((tx) => insertClientsBulk(tx, parity.id, edges, { timeZone: "America/Vancouver" }));
    const all = await loadParityClients(parity.id);

    // The firm's margin (10) for both lists: drawImpact reads the stored DrawResult (computed on this first view).
    let checked = 0;
    const listsOf = (impact: DrawImpact) => ({
      above: impact.above.map(key).sort(),
      newlyAbove: impact.newlyAbove.map(key).sort(),
      nearMiss: impact.nearMiss.map(key).sort(),
      ineligibleClose: impact.ineligibleClose.map((r) => `${key(r)} ${r.reasons.join(",")}`).sort(),
    });
    for (const number of draws) {
      const impact = await drawImpact(parity.user("owner").scope, number);
      const label = `stored draw ${number} (${impact.draw.kind}, cut-off ${impact.draw.cutoff})`;
      const expected = expectedImpact(all, impact.draw, impact.previousDraw, 10, 10, "America/Vancouver");
      // A category round can have more than the 200 listed ineligible-but-close: those listed are
      // the closest of the expected ones, and the total counts them all.
      const capped = (impact: DrawImpact, wanted: typeof expected) => {
        const { ineligibleClose, ...lists } = listsOf(impact);
        const cutoffMargin = Math.min(...impact.ineligibleClose.map((r) => r.margin));
        expect(impact.ineligibleCloseTotal, label).toBe(wanted.ineligibleClose.length);
        expect(ineligibleClose.length, label).toBe(Math.min(wanted.ineligibleClose.length, 200));
        expect(wanted.ineligibleClose, label).toEqual(expect.arrayContaining(ineligibleClose));
        const closer = wanted.ineligibleClose.filter((row) => Number(row.split(" ")[2]) > cutoffMargin);
        expect(ineligibleClose, label).toEqual(expect.arrayContaining(closer));
        expect(lists, label).toEqual({ above: wanted.above, newlyAbove: wanted.newlyAbove, nearMiss: wanted.nearMiss });
      };
      capped(impact, expected);
      const teamOne = all.filter((c) => c.teamId === parity.teams[0].id);
      capped(await drawImpact(parity.user("consultant").scope, number), expectedImpact(teamOne, impact.draw, impact.previousDraw, 10, 10, "America/Vancouver"));
      checked += expected.above.length + expected.nearMiss.length + expected.ineligibleClose.length;
    }
    expect(checked).toBeGreaterThan(150);

    // Every client refreshed at once over every stored round (the client write path): the same rows.
    const snapshot = () =>
      prisma().drawResult.findMany({ where: { firmId: parity.id }, orderBy: [{ drawNumber: "asc" }, { clientId: "asc" }] });
    const before = await snapshot();
    expect(before).toHaveLength(checked);
    await prisma().$transaction((tx) => refreshClientResults(tx, parity.id, all.map((c) => c.id)));
    expect(await snapshot()).toEqual(before);
  });

  it("gives each client the same result per draw on the client page", async () => {
    const previous = new Map<string, DrawRecord | null>();
    for (const number of draws) previous.set(number, await previousDrawOfKind({ number }));
    for (const client of clients.filter((_, i) => i % 15 === 0)) {
      const results = await clientDrawResults(parity.user("owner").scope, client.id, { limit: 500 });
      for (const result of results.filter((r) => previous.has(r.draw.number))) {
        const prior = previous.get(result.draw.number)!;
        const expected = drawResultForClient(
          eligibilityClient(client, result.draw, "America/Vancouver"),
          result.draw,
          prior,
          prior ? crsAt(client, drawInstant(prior).getTime()) : null,
          10,
        );
        const { draw: _draw, crs, ...actual } = result;
        expect(actual, `client ${client.id}, draw ${result.draw.number}`).toEqual(expected);
        expect(crs).toBe(crsAt(client, drawInstant(result.draw).getTime()));
      }
    }
  });
});

/**
 * Moves synthetic clients onto the edges the rule cares about: expiry and test dates on or around
 * the draw dates, the stored expiry missing (12-month fallback), a score recorded before the
 * profile was submitted, blank provinces, nominations dated on a draw date.
 */
async function perturb(firmId: string, ids: string[], drawDates: string[], rand: () => number): Promise<void> {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const near = () => {
    const shifted = new Date(`${pick(drawDates)}T00:00:00Z`);
    shifted.setUTCDate(shifted.getUTCDate() + Math.floor(rand() * 3) - 1);
    return shifted;
  };
  for (const id of ids) {
    const where = { firmId_id: { firmId, id } };
    const client = await prisma().client.findUniqueOrThrow({ where, include: { scores: true } });
    const data: Parameters<ReturnType<typeof prisma>["client"]["update"]>[0]["data"] = {};
    const roll = rand();
    if (roll < 0.15) data.profileExpiresOn = near();
    else if (roll < 0.3 && client.profileSubmittedAt) {
      // No stored expiry, submitted ten months earlier: the fallback expiry lands among the draws.
      const submitted = new Date(client.profileSubmittedAt.getTime() - 300 * 86_400_000);
      data.profileExpiresOn = null;
      data.profileSubmittedAt = submitted;
      await prisma().crsScore.create({ data: { firmId, clientId: id, crs: client.scores[0].crs, effectiveAt: submitted, source: "manual" } });
    } else if (roll < 0.4 && client.profileSubmittedAt) {
      await prisma().crsScore.create({
        data: { firmId, clientId: id, crs: client.scores[0].crs + 5, effectiveAt: new Date(client.profileSubmittedAt.getTime() - 40 * 86_400_000), source: "manual" },
      });
    }
    if (rand() < 0.15) data.languageTestExpiresOn = near();
    if (rand() < 0.05) data.nominationProvince = " ";
    else if (client.nominationProvince && rand() < 0.5) data.nominatedOn = near();
    if (Object.keys(data).length > 0) await prisma().client.update({ where, data });
  }
}

interface ParityClient {
  id: string;
  teamId: string;
  lastName: string;
  status: ClientStatus;
  submittedAt: Date | null;
  expiresOn: string | null;
  invitedAt: Date | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: string[];
  languageTestExpiresOn: string | null;
  scores: { crs: number; at: number }[];
}

async function loadParityClients(firmId: string): Promise<ParityClient[]> {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const rows = await prisma().client.findMany({ where: { firmId }, include: { scores: true } });
  return rows.map((c) => ({
    id: c.id,
    teamId: c.teamId,
    lastName: c.lastName,
    status: c.status,
    submittedAt: c.profileSubmittedAt,
    expiresOn: day(c.profileExpiresOn),
    invitedAt: c.invitedAt,
    programs: c.programs,
    nominationProvince: c.nominationProvince,
    nominatedOn: day(c.nominatedOn),
    categories: c.categories,
    languageTestExpiresOn: day(c.languageTestExpiresOn),
    scores: c.scores.map((s) => ({ crs: s.crs, at: s.effectiveAt.getTime() })).sort((a, b) => a.at - b.at),
  }));
}

function crsAt(client: ParityClient, instant: number): number | null {
  return client.scores.filter((s) => s.at <= instant).at(-1)?.crs ?? null;
}

function eligibilityClient(client: ParityClient, draw: EligibilityDraw, timeZone: string): EligibilityClient {
  return {
    status: client.status,
    profileSubmittedAt: client.submittedAt,
    profileExpiresAt: client.expiresOn ? profileExpiresAt(client.expiresOn, timeZone) : null,
    invitedAt: client.invitedAt,
    programs: client.programs as Program[],
    nominationProvince: client.nominationProvince,
    nominatedOn: client.nominatedOn,
    categories: client.categories,
    languageTestExpiresOn: client.languageTestExpiresOn,
    crsAsOfDraw: crsAt(client, drawInstant(draw).getTime()),
  };
}

const key = (r: { clientId: string; crs: number; margin: number; tieBreak: string }) => `${r.clientId} ${r.crs} ${r.margin} ${r.tieBreak}`;

function expectedImpact(clients: ParityClient[], draw: DrawRecord, previous: DrawRecord | null, margin: number, closeMargin: number, timeZone: string) {
  const lists = { above: [] as string[], newlyAbove: [] as string[], nearMiss: [] as string[], ineligibleClose: [] as string[] };
  for (const client of clients) {
    const subject = eligibilityClient(client, draw, timeZone);
    const previousCrs = previous ? crsAt(client, drawInstant(previous).getTime()) : null;
    const result = drawResultForClient(subject, draw, previous, previousCrs, margin);
    const crs = subject.crsAsOfDraw;
    if (crs === null) continue;
    const row = key({ clientId: client.id, crs, margin: result.margin!, tieBreak: result.tieBreak });
    if (result.above) lists.above.push(row);
    if (result.newlyAbove) lists.newlyAbove.push(row);
    if (result.nearMiss) lists.nearMiss.push(row);
    if (!result.eligible && client.status === "profile_active" && crs >= draw.cutoff - closeMargin) {
      lists.ineligibleClose.push(`${row} ${result.reasons.join(",")}`);
    }
  }
  return { above: lists.above.sort(), newlyAbove: lists.newlyAbove.sort(), nearMiss: lists.nearMiss.sort(), ineligibleClose: lists.ineligibleClose.sort() };
}

describe("drawImpact: archived clients and the ineligible-but-close cap", () => {
  it("leaves archived clients out of every list", async () => {
    const own = await createTestFirm({ label: "impact-archived" });
    const draw: DrawSpec = { ...CEC, number: drawNo("cec-archived"), date: "1985-06-12", drawnAt: "1985-06-12T14:00:00Z", tieBreakAt: null };
    await addDraw(draw);
    await addClient(own, { name: "Kept", crs: 600, submittedAt: "1985-01-10T15:00:00Z" });
    const archived = await addClient(own, { name: "Archived", crs: 610, submittedAt: "1985-01-10T15:00:00Z" });
    await prisma().client.update({ where: { firmId_id: { firmId: own.id, id: archived } }, data: { archivedAt: new Date() } });
    const impact = await drawImpact(own.user("owner").scope, draw.number);
    expect(names(impact.above)).toEqual(["Kept"]);
  });

  it("lists at most 200 ineligible-but-close clients, closest first, and counts them all", async () => {
    const own = await createTestFirm({ label: "impact-cap" });
    const draw: DrawSpec = { ...STEM, number: drawNo("stem-cap"), date: "1985-07-14", drawnAt: "1985-07-14T13:00:00Z", cutoff: 400, tieBreakAt: null };
    await addDraw(draw);
    const rows: ClientInsert[] = Array.from({ length: 230 }, (_, i) =>
      testClientInsert(own.teams[0].id, {
        firstName: "Cap",
        lastName: `Client ${String(i).padStart(3, "0")}`,
        profileSubmittedAt: "1985-01-10T15:00:00Z",
        profileExpiresOn: "1986-01-10",
        programs: ["FSW"],
        scores: [{ crs: 400 + i, effectiveAt: "1985-01-10T15:00:00Z", source: "manual", reason: "test" }],
      }),
    );
    await prisma().$transaction((tx) => insertClientsBulk(tx, own.id, rows, { timeZone: "America/Toronto" }));
    const impact = await drawImpact(own.user("owner").scope, draw.number);
    expect(impact.above).toEqual([]);
    expect(impact.ineligibleCloseTotal).toBe(230);
    expect(impact.ineligibleClose).toHaveLength(200);
    expect(impact.ineligibleClose[0]).toMatchObject({ lastName: "Client 229", margin: 229 });
    expect(impact.ineligibleClose[0].reasons).toEqual(["no_category"]);
    expect(impact.ineligibleClose.at(-1)).toMatchObject({ lastName: "Client 030", margin: 30 });
  });
});
