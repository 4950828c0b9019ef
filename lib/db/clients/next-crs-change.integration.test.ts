import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { nextCrsChangeOn } from "@/lib/crs";
import { profile } from "@/lib/crs/test-fixtures";
import { addDaysToDate, addYearsToDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { runCrsChangesRefresh } from "@/lib/jobs/crs-changes";
import { insertClientsBulk, type ClientInsert } from "./bulk";
import { comingChanges, COMING_CHANGES_DAYS, type ComingChanges, RADAR_NEXT_DEADLINE_SQL } from "../dashboard";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";
import { createClient, refreshDueNextCrsChanges, updateClient } from ".";

/**
 * The stored coming CRS changes (Client.nextCrsChangeOn, the earliest; nextBirthdayChangeOn and
 * nextWorkAnniversaryOn, each kind's): set by every write path from the one rule
 * (lib/crs/next-change.ts), refreshed by the job once their day has passed, and — the point of
 * them — the dashboard's coming changes read through them give exactly the events the
 * anniversaries say, stale dates included (the view refreshes what is due before reading).
 */

const ZONE = "America/Toronto";
const stored = async (id: string) =>
  (await prisma().$queryRaw<{ on: string | null }[]>`SELECT to_char("nextCrsChangeOn", 'YYYY-MM-DD') AS "on" FROM "Client" WHERE "id" = ${id}::uuid`)[0].on;
const todayHere = () => todayIn(ZONE, new Date());
const storedKinds = async (id: string) =>
  (
    await prisma().$queryRaw<{ birthday: string | null; anniversary: string | null }[]>`
      SELECT to_char("nextBirthdayChangeOn", 'YYYY-MM-DD') AS birthday, to_char("nextWorkAnniversaryOn", 'YYYY-MM-DD') AS anniversary FROM "Client" WHERE "id" = ${id}::uuid`
  )[0];

describe("set on save", () => {
  let firm: TestFirm;
  beforeAll(async () => {
    firm = await createTestFirm({ label: "nextcrs-save" });
  });

  it("on create and update, from the facts and factors as saved", async () => {
    const scope = firm.user("owner").scope;
    const dateOfBirth = addYearsToDate(addDaysToDate(todayHere(), 40), -33);
    const factors = profile({ age: 32, canadianWorkYears: 1 });
    const { id } = await createClient(scope, { firstName: "Ana", lastName: "Save", teamId: firm.teams[0].id, status: "prospect", dateOfBirth, crsFactors: factors });
    expect(await stored(id)).toBe(addDaysToDate(todayHere(), 40));
    expect(await stored(id)).toBe(nextCrsChangeOn({ dateOfBirth, canadianWorkStartedOn: null, crsFactors: factors }, todayHere()));

    // Work started 2 years and 10 days ago: its anniversary comes before the birthday.
    const canadianWorkStartedOn = addYearsToDate(addDaysToDate(todayHere(), 10), -2);
    const row = await prisma().client.findFirstOrThrow({ where: { id } });
    await updateClient(scope, id, row.version, { firstName: "Ana", lastName: "Save", teamId: firm.teams[0].id, status: "prospect", dateOfBirth, canadianWorkStartedOn, crsFactors: factors });
    expect(await stored(id)).toBe(addDaysToDate(todayHere(), 10));
    expect(await storedKinds(id)).toEqual({ birthday: addDaysToDate(todayHere(), 40), anniversary: addDaysToDate(todayHere(), 10) });

    // A hand-entered score replaces the calculator's factors: nothing to price a change with.
    const again = await prisma().client.findFirstOrThrow({ where: { id } });
    await updateClient(scope, id, again.version, { firstName: "Ana", lastName: "Save", teamId: firm.teams[0].id, status: "prospect", dateOfBirth, manualCrs: 480, manualCrsReason: "entered" });
    expect(await stored(id)).toBeNull();
    expect(await storedKinds(id)).toEqual({ birthday: null, anniversary: null });
  });

  it("on bulk insert (CSV import, seeding)", async () => {
    const dateOfBirth = addYearsToDate(addDaysToDate(todayHere(), 5), -40);
    const ids = await prisma().$transaction((tx) =>
      insertClientsBulk(tx, firm.id, [
        testClientInsert(firm.teams[0].id, { lastName: "Bulk", dateOfBirth, crsFactors: profile({ age: 39 }) }),
        testClientInsert(firm.teams[0].id, { lastName: "Old", dateOfBirth: "1960-01-01", crsFactors: profile({ age: 45 }) }),
      ], { timeZone: ZONE }),
    );
    expect([await stored(ids[0]), await stored(ids[1])]).toEqual([addDaysToDate(todayHere(), 5), null]);
    expect(await storedKinds(ids[0])).toEqual({ birthday: addDaysToDate(todayHere(), 5), anniversary: null });
  });
});

describe("the daily refresh", () => {
  let firm: TestFirm;
  let ids: string[];
  beforeAll(async () => {
    firm = await createTestFirm({ label: "nextcrs-job" });
    ids = await prisma().$transaction((tx) =>
      insertClientsBulk(tx, firm.id, [
        testClientInsert(firm.teams[0].id, { lastName: "Soon", dateOfBirth: "1990-01-15", crsFactors: profile({ age: 36 }) }),
        testClientInsert(firm.teams[0].id, { lastName: "Work", canadianWorkStartedOn: "2025-03-01", crsFactors: profile({ age: 30, canadianWorkYears: 1 }) }),
        testClientInsert(firm.teams[0].id, { lastName: "None", dateOfBirth: "1950-01-15", crsFactors: profile({ age: 60 }) }),
      ], { timeZone: ZONE }),
    );
  });

  it("recomputes only the dates that have passed, set-based, and does nothing on a second run", async () => {
    const later = new Date("2031-06-01T16:00:00Z"); // 2031-06-01 in Toronto
    const before = await Promise.all(ids.map(stored));
    expect(before[2]).toBeNull();
    expect(await refreshDueNextCrsChanges(later, { firmId: firm.id })).toBe(2);
    expect(await Promise.all(ids.map(stored))).toEqual(["2032-01-15", "2032-03-01", null]);
    expect(await Promise.all(ids.map(storedKinds))).toEqual([
      { birthday: "2032-01-15", anniversary: null },
      { birthday: null, anniversary: "2032-03-01" },
      { birthday: null, anniversary: null },
    ]);
    expect(await refreshDueNextCrsChanges(later, { firmId: firm.id })).toBe(0);
  });

  it("is what the worker's job runs, for every firm", async () => {
    await prisma().client.updateMany({ where: { firmId: firm.id, lastName: "Soon" }, data: { nextCrsChangeOn: new Date("2020-01-01T00:00:00Z") } });
    expect(await runCrsChangesRefresh(new Date("2031-06-01T16:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await stored(ids[0])).toBe("2032-01-15");
  });
});

describe("coming changes read through the stored date", () => {
  let firm: TestFirm;
  const NOW = new Date("2027-05-10T16:00:00Z");
  const TODAY = "2027-05-10";
  const facts = new Map<string, ClientInsert>();

  beforeAll(async () => {
    firm = await createTestFirm({ label: "nextcrs-parity" });
    // Ages 26 to 48 and work starts over six years (some in the future), birthdays all year round,
    // Feb 29s, some without factors, some already with five years of work.
    const clients = Array.from({ length: 160 }, (_, i) => {
      const dob = i % 9 === 0 ? `${1980 + (i % 20) * 4}-02-29` : addDaysToDate("1979-01-01", randomInt(0, 23 * 365));
      const work = i % 3 === 0 ? null : addDaysToDate("2021-06-01", randomInt(0, 7 * 365));
      const factors = i % 11 === 0 ? null : profile({ age: 30, canadianWorkYears: i % 7 });
      return testClientInsert(firm.teams[i % 2].id, { lastName: `P${String(i).padStart(3, "0")}`, dateOfBirth: i % 13 === 0 ? null : dob, canadianWorkStartedOn: work, crsFactors: factors });
    });
    const ids = await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, clients, { timeZone: ZONE }));
    ids.forEach((id, i) => facts.set(id, clients[i]));
  });

  const firstEvents = (changes: ComingChanges) => {
    const first = new Map<string, string>();
    for (const item of [...changes.birthdays.items, ...changes.workAnniversaries.items]) {
      if (!first.has(item.clientId) || item.on < first.get(item.clientId)!) first.set(item.clientId, item.on);
    }
    return first;
  };

  it("gives the same lists when stored dates are stale (the job not run yet): the view refreshes what is due first", async () => {
    await refreshDueNextCrsChanges(NOW, { firmId: firm.id });
    const fresh = await comingChanges(firm.user("owner").scope, { now: NOW, limit: 500 });
    await prisma().client.updateMany({ where: { firmId: firm.id, nextCrsChangeOn: { not: null } }, data: { nextCrsChangeOn: new Date(`${addDaysToDate(TODAY, -400)}T00:00:00Z`) } });
    expect(await comingChanges(firm.user("owner").scope, { now: NOW, limit: 500 })).toEqual(fresh);
    expect(fresh.birthdays.total + fresh.workAnniversaries.total).toBeGreaterThan(5);
  });

  it.each(["2027-05-10", "2028-02-20", "2029-12-15"])("lists exactly the clients whose rule date falls within 90 days of %s", async (today) => {
    const now = new Date(`${today}T16:00:00Z`);
    // The job brings every stored date up to `today`, as it would have by then.
    await refreshDueNextCrsChanges(now, { firmId: firm.id });
    const changes = await comingChanges(firm.user("owner").scope, { now, limit: 500 });
    const expected = new Map<string, string>();
    for (const [id, c] of facts) {
      const on = nextCrsChangeOn({ dateOfBirth: c.dateOfBirth, canadianWorkStartedOn: c.canadianWorkStartedOn, crsFactors: c.crsFactors }, today);
      if (on && on <= addDaysToDate(today, COMING_CHANGES_DAYS)) expected.set(id, on);
    }
    expect(expected.size).toBeGreaterThan(10);
    expect(firstEvents(changes)).toEqual(expected);
  });

});

describe("indexes", () => {
  it.each([
    ["coming changes", `c."nextCrsChangeOn" <= $2::date`, "Client_firmId_nextCrsChangeOn_idx"],
    ["the expiry radar", `${RADAR_NEXT_DEADLINE_SQL} <= $2::date`, "Client_firmId_next_deadline_idx"],
  ])("%s: the first test is answered by an index", async (_label, predicate, index) => {
    const [, plan] = await prisma().$transaction([
      prisma().$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      prisma().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT c."id" FROM "Client" c WHERE c."firmId" = $1::uuid AND ${predicate}`, "00000000-0000-4000-8000-000000000000", "2027-01-01"),
    ]);
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(index);
  });
});
