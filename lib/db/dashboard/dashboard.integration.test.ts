import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculateCrs } from "@/lib/crs";
import { profile } from "@/lib/crs/test-fixtures";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { buildDistribution, DISTRIBUTION_KEYS } from "@/lib/draws/distribution";
import type { NormalisedRound } from "@/lib/draws/round";
import { insertClientsBulk, type ClientInsert } from "../clients/bulk";
import { comingChanges, drawWatch, expiryRadar, poolDistribution, type ExpiryRadar } from "./index";
import { drawImpact } from "../draws/impact";
import { roundToRow } from "../draws/import";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

// A fixed clock: noon in Toronto on 2030-03-10, so "today" in the firm's zone is 2030-03-10.
const NOW = new Date("2030-03-10T17:00:00Z");
const TODAY = "2030-03-10";
const day = (offset: number) => addDaysToDate(TODAY, offset);

function client(teamId: string, overrides: Partial<ClientInsert>): ClientInsert {
  return testClientInsert(teamId, overrides);
}

async function insert(firm: TestFirm, clients: ClientInsert[]): Promise<Record<string, string>> {
  const ids = await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, clients, { timeZone: "America/Toronto" }));
  return Object.fromEntries(clients.map((c, i) => [c.lastName, ids[i]]));
}

const bandNames = (radar: ExpiryRadar) =>
  Object.fromEntries(radar.bands.map((b) => [b.band, b.items.map((i) => `${i.lastName}:${i.kind}:${i.daysLeft}`)]));

describe("expiry radar", () => {
  let firm: TestFirm;

  beforeAll(async () => {
    firm = await createTestFirm({ label: "radar" });
    const [one, two] = firm.teams.map((t) => t.id);
    await insert(firm, [
      client(one, { lastName: "Twenty", profileSubmittedAt: "2029-03-30T15:00:00Z", profileExpiresOn: day(20) }),
      client(one, { lastName: "Overdue", passportExpiresOn: day(-1) }),
      client(two, { lastName: "Ninetyfive", workPermitExpiresOn: day(95) }),
      // Results valid 2 years from the test date: the last valid day is today.
      client(two, { lastName: "Today", languageTestDate: "2028-03-10" }),
      client(one, { lastName: "Landed", status: "landed", passportExpiresOn: day(-30) }),
      client(two, { lastName: "Prospect", status: "prospect", ecaIssuedOn: "2025-05-10" }),
      // After the application is filed the language test no longer matters; the work permit does.
      client(two, { lastName: "Applied", status: "application_submitted", languageTestDate: "2027-01-01", workPermitExpiresOn: day(7) }),
    ]);
  });

  it("puts each deadline in its band, most urgent first, and leaves out what is beyond 90 days or no longer matters", async () => {
    const radar = await expiryRadar(firm.user("admin").scope, { now: NOW });
    expect(radar.today).toBe(TODAY);
    expect(bandNames(radar)).toEqual({
      overdue: ["Overdue:passport:-1"],
      "7": ["Today:language_test:0", "Applied:work_permit:7"],
      "30": ["Twenty:profile:20"],
      "60": [],
      "90": ["Prospect:eca:61"],
    });
    expect(radar.bands.map((b) => b.total)).toEqual([1, 2, 1, 0, 1]);
  });

  it("limits each band's list but counts every deadline", async () => {
    const radar = await expiryRadar(firm.user("admin").scope, { now: NOW, limit: 1 });
    const seven = radar.bands.find((b) => b.band === "7")!;
    expect(seven.total).toBe(2);
    expect(seven.items.map((i) => i.lastName)).toEqual(["Today"]);
  });

  it("shows a consultant only their teams' clients, and narrows an admin to one team", async () => {
    const consultant = await expiryRadar(firm.user("consultant").scope, { now: NOW });
    expect(bandNames(consultant)).toEqual({ overdue: ["Overdue:passport:-1"], "7": [], "30": ["Twenty:profile:20"], "60": [], "90": [] });
    const teamTwo = await expiryRadar(firm.user("admin").scope, { now: NOW, teamId: firm.teams[1].id });
    expect(bandNames(teamTwo)).toEqual({ overdue: [], "7": ["Today:language_test:0", "Applied:work_permit:7"], "30": [], "60": [], "90": ["Prospect:eca:61"] });
    // A consultant asking for a team they are not in gets nothing, not that team.
    const foreign = await expiryRadar(firm.user("consultant").scope, { now: NOW, teamId: firm.teams[1].id });
    expect(foreign.bands.every((b) => b.total === 0)).toBe(true);
  });

  it("never shows another firm's clients", async () => {
    const other = await createTestFirm({ label: "radar-other" });
    const radar = await expiryRadar(other.user("owner").scope, { now: NOW });
    expect(radar.bands.every((b) => b.total === 0)).toBe(true);
  });
});

describe("coming CRS changes", () => {
  let firm: TestFirm;

  beforeAll(async () => {
    firm = await createTestFirm({ label: "changes" });
    const [one, two] = firm.teams.map((t) => t.id);
    await insert(firm, [
      client(one, { lastName: "Thirtyone", dateOfBirth: "1999-03-20", crsFactors: profile({ age: 30 }) }),
      client(one, { lastName: "Young", dateOfBirth: "2005-04-01", crsFactors: profile({ age: 24 }) }),
      client(one, { lastName: "Later", dateOfBirth: "1990-06-20", crsFactors: profile({ age: 39 }) }),
      client(one, { lastName: "Worker", dateOfBirth: "1980-12-01", canadianWorkStartedOn: "2028-04-09", crsFactors: profile({ age: 49, canadianWorkYears: 1 }) }),
      client(one, { lastName: "Veteran", canadianWorkStartedOn: "2024-04-01", crsFactors: profile({ age: 49, canadianWorkYears: 5 }) }),
      client(one, { lastName: "Withdrawn", status: "withdrawn", dateOfBirth: "1999-03-21", crsFactors: profile({ age: 30 }) }),
      client(one, { lastName: "Nofactors", dateOfBirth: "1999-03-22" }),
      client(two, { lastName: "Otherteam", dateOfBirth: "1998-03-25", crsFactors: profile({ age: 31 }) }),
      client(one, { lastName: "Leapling", dateOfBirth: "2000-02-29", crsFactors: profile({ age: 30 }) }),
    ]);
  });

  it("lists birthdays that cost points and work anniversaries that add points, with the calculator's amounts", async () => {
    const changes = await comingChanges(firm.user("admin").scope, { now: NOW });
    expect(changes.birthdays.items.map((c) => [c.lastName, c.on, c.years])).toEqual([
      ["Thirtyone", "2030-03-20", 31],
      ["Otherteam", "2030-03-25", 32],
    ]);
    const turning31 = calculateCrs(profile({ age: 31 })).total - calculateCrs(profile({ age: 30 })).total;
    expect(turning31).toBeLessThan(0);
    expect(changes.birthdays.items[0].pointsChange).toBe(turning31);
    expect(changes.workAnniversaries.items.map((c) => [c.lastName, c.on, c.years])).toEqual([["Worker", "2030-04-09", 2]]);
    const secondYear = calculateCrs(profile({ age: 49, canadianWorkYears: 2 })).total - calculateCrs(profile({ age: 49, canadianWorkYears: 1 })).total;
    expect(secondYear).toBeGreaterThan(0);
    expect(changes.workAnniversaries.items[0].pointsChange).toBe(secondYear);
    expect([changes.birthdays.total, changes.workAnniversaries.total]).toEqual([2, 1]);
  });

  it("shows a consultant only their teams' clients", async () => {
    const changes = await comingChanges(firm.user("consultant").scope, { now: NOW });
    expect(changes.birthdays.items.map((c) => c.lastName)).toEqual(["Thirtyone"]);
  });

  it("moves a February 29 birthday to March 1 in a common year", async () => {
    const changes = await comingChanges(firm.user("admin").scope, { now: new Date("2031-02-20T17:00:00Z") });
    const leapling = changes.birthdays.items.find((c) => c.lastName === "Leapling");
    expect(leapling).toMatchObject({ on: "2031-03-01", years: 31 });
  });
});

describe("new since the last draw and near misses", () => {
  let firm: TestFirm;
  let ids: Record<string, string>;
  const numbers: string[] = [];
  // Draws far in the past, on a random day, so they are nobody's "latest" and no other test's.
  const D = addDaysToDate("1960-01-01", randomInt(0, 12_000));
  const at = (offset: number, time = "12:00:00") => `${addDaysToDate(D, offset)}T${time}Z`;
  const base = 70_000 + randomInt(0, 20_000);
  const draw = { prevCec: String(base), cec: String(base + 1), healthcare: String(base + 2), pnp: String(base + 3) };

  function round(number: string, kind: NormalisedRound["kind"], date: string, cutoff: number, tieBreakAt: string | null): NormalisedRound {
    return {
      number,
      date,
      drawnAt: null,
      tieBreakAt,
      size: 1000,
      cutoff,
      name: kind,
      kind,
      categoryVersion: null,
      programs: kind === "cec" ? ["CEC"] : ["FSW", "CEC", "FST"],
      distributionAsOf: null,
      distribution: buildDistribution(DISTRIBUTION_KEYS.map(() => null)).buckets,
    };
  }

  beforeAll(async () => {
    firm = await createTestFirm({ label: "watch" });
    const [one, two] = firm.teams.map((t) => t.id);
    const rounds = [
      round(draw.prevCec, "cec", addDaysToDate(D, -14), 500, at(-20)),
      round(draw.cec, "cec", D, 480, at(-5)),
      round(draw.healthcare, "healthcare", D, 460, at(-5)),
      round(draw.pnp, "pnp", D, 750, at(-5)),
    ];
    numbers.push(...rounds.map((r) => r.number));
    await prisma().draw.createMany({ data: rounds.map(roundToRow) });
    const pooled = (lastName: string, crs: number, overrides: Partial<ClientInsert> = {}) =>
      client(overrides.teamId ?? one, {
        lastName,
        profileSubmittedAt: at(-100),
        profileExpiresOn: addDaysToDate(D, 200),
        scores: [{ crs, effectiveAt: at(-100), source: "manual", reason: null }],
        ...overrides,
      });
    ids = await insert(firm, [
      pooled("Alwaysabove", 520),
      pooled("Newly", 490),
      pooled("Tiebefore", 480),
      pooled("Tieafter", 480, { profileSubmittedAt: at(-3), scores: [{ crs: 480, effectiveAt: at(-3), source: "manual", reason: null }] }),
      pooled("Near", 475),
      pooled("Far", 465),
      // The score rose after the draw: the draw is judged with the score it had then.
      pooled("Roseafter", 460, { scores: [{ crs: 460, effectiveAt: at(-100), source: "manual", reason: null }, { crs: 530, effectiveAt: at(5), source: "manual", reason: null }] }),
      pooled("Otherteam", 495, { teamId: two }),
      pooled("Fswonly", 600, { programs: ["FSW"] }),
      pooled("Nurse", 470, { programs: ["FSW"], categories: ["healthcare"] }),
      pooled("Nominee", 800, { programs: ["FSW"], nominationProvince: "ON", nominatedOn: addDaysToDate(D, -50) }),
    ]);
  });

  afterAll(async () => {
    await prisma().draw.deleteMany({ where: { number: { in: numbers } } });
  });

  const names = (list: { lastName: string }[]) => list.map((c) => c.lastName).sort();

  it("lists newly above and near misses per draw, with the tie-break and the score as of the draw", async () => {
    const watch = await drawWatch(firm.user("admin").scope, { drawNumbers: [draw.cec, draw.healthcare, draw.pnp] });
    const cec = watch.draws.find((d) => d.number === draw.cec)!;
    expect(cec).toMatchObject({ kind: "cec", above: 4, newlyAbove: 3, nearMiss: 2 });
    expect(names(cec.newlyAboveClients)).toEqual(["Newly", "Otherteam", "Tiebefore"]);
    expect(names(watch.nearMisses)).toEqual(["Near", "Tieafter"]);
    expect(watch.nearMisses.map((c) => [c.lastName, c.margin])).toEqual([
      ["Tieafter", 0],
      ["Near", -5],
    ]);
    expect(watch.draws.find((d) => d.number === draw.healthcare)).toMatchObject({ above: 1, newlyAbove: 1, nearMiss: 0 });
    expect(names(watch.draws.find((d) => d.number === draw.healthcare)!.newlyAboveClients)).toEqual(["Nurse"]);
    expect(names(watch.draws.find((d) => d.number === draw.pnp)!.newlyAboveClients)).toEqual(["Nominee"]);
  });

  it("gives drawImpact's answer for every draw watched, for an admin and for a consultant", async () => {
    for (const role of ["admin", "consultant"] as const) {
      const scope = firm.user(role).scope;
      const watch = await drawWatch(scope, { drawNumbers: [draw.prevCec, draw.cec, draw.healthcare, draw.pnp] });
      for (const watched of watch.draws) {
        const impact = await drawImpact(scope, watched.number);
        expect({ number: watched.number, above: watched.above, newlyAbove: watched.newlyAbove, nearMiss: watched.nearMiss }).toEqual({
          number: watched.number,
          above: impact.above.length,
          newlyAbove: impact.newlyAbove.length,
          nearMiss: impact.nearMiss.length,
        });
        expect(names(watched.newlyAboveClients)).toEqual(names(impact.newlyAbove));
      }
      const near = watch.nearMisses.filter((c) => c.drawNumber === draw.cec);
      expect(names(near)).toEqual(names((await drawImpact(scope, draw.cec)).nearMiss));
    }
  });

  it("shows a consultant only their teams' clients", async () => {
    const watch = await drawWatch(firm.user("consultant").scope, { drawNumbers: [draw.cec] });
    expect(names(watch.draws[0].newlyAboveClients)).toEqual(["Newly", "Tiebefore"]);
    expect(Object.values(ids)).toContain(watch.draws[0].newlyAboveClients[0].clientId);
  });

  it("watches the latest draw of each kind by default", async () => {
    const watch = await drawWatch(firm.user("admin").scope);
    expect(watch.draws.map((d) => d.number)).not.toContain(draw.cec);
    expect(new Set(watch.draws.map((d) => d.kind)).size).toBe(watch.draws.length);
  });
});

describe("the pool's distribution with the firm's clients", () => {
  const number = String(60_000 + randomInt(0, 9_000));

  afterAll(async () => {
    await prisma().draw.deleteMany({ where: { number } });
  });

  it("counts the caller's clients in the pool into IRCC's ranges, one count per range", async () => {
    // A published distribution of our own, so there is one whatever else the database holds.
    const date = addDaysToDate("1960-01-01", randomInt(0, 12_000));
    await prisma().draw.create({
      data: roundToRow({
        number,
        date,
        drawnAt: null,
        tieBreakAt: null,
        size: 1,
        cutoff: 400,
        name: "General",
        kind: "general",
        categoryVersion: null,
        programs: ["FSW", "CEC", "FST"],
        distributionAsOf: date,
        distribution: buildDistribution(DISTRIBUTION_KEYS.map(() => 10)).buckets,
      }),
    });
    const firm = await createTestFirm({ label: "pool" });
    const [one, two] = firm.teams.map((t) => t.id);
    const scored = (lastName: string, teamId: string, crs: number, status = "profile_active") =>
      client(teamId, { lastName, status, scores: [{ crs, effectiveAt: "2030-01-01T00:00:00Z", source: "manual", reason: null }] });
    await insert(firm, [scored("A", one, 455), scored("B", one, 459), scored("C", two, 700), scored("D", one, 455, "landed"), client(one, { lastName: "E" })]);

    const distribution = (await poolDistribution(firm.user("admin").scope))!;
    // IRCC's ten- and hundred-point ranges only: they tile 0–1200 without the subtotal rows.
    expect(distribution.bands.map((b) => `${b.min}-${b.max}`)).toEqual([
      "0-300", "301-350", "351-400", "401-410", "411-420", "421-430", "431-440", "441-450",
      "451-460", "461-470", "471-480", "481-490", "491-500", "501-600", "601-1200",
    ]);
    const clients = Object.fromEntries(distribution.bands.map((b) => [b.min, b.clients]));
    expect(clients[451]).toBe(2);
    expect(clients[601]).toBe(1);
    expect(distribution.bands.reduce((sum, b) => sum + b.clients, 0)).toBe(3);
    expect(distribution.clientsWithoutScore).toBe(1);

    const consultant = (await poolDistribution(firm.user("consultant").scope))!;
    expect(consultant.bands.reduce((sum, b) => sum + b.clients, 0)).toBe(2);
  });
});
