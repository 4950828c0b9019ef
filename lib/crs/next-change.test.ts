import { describe, expect, it } from "vitest";
import { nextCrsChangeOn, nextCrsChanges } from "./next-change";

const factors = (canadianWorkYears: unknown = 0) => ({ canadianWorkYears });

describe("nextCrsChangeOn", () => {
  it.each([
    ["turning 31 in a month", { dateOfBirth: "1995-07-15", canadianWorkStartedOn: null, crsFactors: factors() }, "2026-06-15", "2026-07-15"],
    ["the birthday itself is not coming any more", { dateOfBirth: "1995-06-15", canadianWorkStartedOn: null, crsFactors: factors() }, "2026-06-15", "2027-06-15"],
    ["under 30: the 30th birthday", { dateOfBirth: "2000-03-01", canadianWorkStartedOn: null, crsFactors: factors() }, "2026-06-15", "2030-03-01"],
    ["turning 45 still changes the points", { dateOfBirth: "1981-09-01", canadianWorkStartedOn: null, crsFactors: factors() }, "2026-06-15", "2026-09-01"],
    ["turning 46 does not", { dateOfBirth: "1980-09-01", canadianWorkStartedOn: null, crsFactors: factors() }, "2026-06-15", null],
    ["Feb 29 falls on Mar 1 in a common year", { dateOfBirth: "1996-02-29", canadianWorkStartedOn: null, crsFactors: factors() }, "2031-02-20", "2031-03-01"],
    ["work anniversary before the birthday", { dateOfBirth: "1990-12-01", canadianWorkStartedOn: "2024-08-01", crsFactors: factors(1) }, "2026-06-15", "2026-08-01"],
    ["five years of work already: no more work points", { dateOfBirth: null, canadianWorkStartedOn: "2020-08-01", crsFactors: factors(5) }, "2026-06-15", null],
    ["work years unknown", { dateOfBirth: null, canadianWorkStartedOn: "2024-08-01", crsFactors: {} }, "2026-06-15", null],
    ["work starting later: its first anniversary", { dateOfBirth: null, canadianWorkStartedOn: "2026-09-01", crsFactors: factors(0) }, "2026-06-15", "2027-09-01"],
    ["no calculator factors: nothing to price", { dateOfBirth: "1995-07-15", canadianWorkStartedOn: null, crsFactors: null }, "2026-06-15", null],
    ["factors that are not an object", { dateOfBirth: "1995-07-15", canadianWorkStartedOn: null, crsFactors: [1] }, "2026-06-15", null],
  ])("%s", (_label, facts, today, expected) => {
    expect(nextCrsChangeOn(facts, today)).toBe(expected);
  });

  it("throws on a malformed date", () => {
    expect(() => nextCrsChangeOn({ dateOfBirth: "1995-13-01", canadianWorkStartedOn: null, crsFactors: {} }, "2026-06-15")).toThrow(RangeError);
  });
});

describe("nextCrsChanges", () => {
  it("gives each kind's own next change, the earliest being nextCrsChangeOn", () => {
    const facts = { dateOfBirth: "1990-12-01", canadianWorkStartedOn: "2024-08-01", crsFactors: factors(1) };
    expect(nextCrsChanges(facts, "2026-06-15")).toEqual({ birthday: "2026-12-01", workAnniversary: "2026-08-01" });
    expect(nextCrsChangeOn(facts, "2026-06-15")).toBe("2026-08-01");
    expect(nextCrsChanges({ ...facts, crsFactors: factors(5) }, "2026-06-15")).toEqual({ birthday: "2026-12-01", workAnniversary: null });
    expect(nextCrsChanges({ ...facts, dateOfBirth: "1970-01-01" }, "2026-06-15")).toEqual({ birthday: null, workAnniversary: "2026-08-01" });
    expect(nextCrsChanges({ ...facts, crsFactors: null }, "2026-06-15")).toEqual({ birthday: null, workAnniversary: null });
  });
});

describe("speed", () => {
  it("is fast enough for a 100,000-row import", () => {
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      nextCrsChangeOn({ dateOfBirth: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, canadianWorkStartedOn: i % 2 ? "2024-05-01" : null, crsFactors: { canadianWorkYears: 1 } }, "2026-12-04");
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
