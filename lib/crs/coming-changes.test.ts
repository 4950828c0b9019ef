import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import { comingCrsChanges } from "./coming-changes";
import { profile } from "./test-fixtures";

const none = { dateOfBirth: null, canadianWorkStartedOn: null };

describe("comingCrsChanges", () => {
  it("lists the birthday loss and the work-anniversary gain in date order, totals cumulative", () => {
    // Single, bachelor's, CLB 9: today 30 (105) and 1 year of Canadian work (40; transferability:
    // bachelor's × 1 year = 13). At 31 age drops to 99 (−6). At 2 years Canadian work rises to 53
    // (+13) and bachelor's × 2 years rises to 25 (+12): +25.
    const input = profile({ age: 30, canadianWorkYears: 1 });
    const today = calculateCrs(input).total;
    const changes = comingCrsChanges(
      input,
      { dateOfBirth: "1995-08-20", canadianWorkStartedOn: "2025-02-03" },
      "2026-01-15",
    );
    expect(changes).toEqual([
      { kind: "canadian_work_anniversary", date: "2026-02-03", pointsChange: 25, newTotal: today + 25 },
      { kind: "birthday", date: "2026-08-20", pointsChange: -6, newTotal: today + 25 - 6 },
    ]);
  });

  it("omits events that change nothing: a birthday at 45+, a sixth year of work", () => {
    const input = profile({ age: 50, canadianWorkYears: 5 });
    const facts = { dateOfBirth: "1976-03-01", canadianWorkStartedOn: "2020-01-01" };
    expect(comingCrsChanges(input, facts, "2026-06-01")).toEqual([]);
  });

  it("turning 20 gains points (19 → 105, 20 → 110 when single)", () => {
    const changes = comingCrsChanges(profile({ age: 19 }), { ...none, dateOfBirth: "2006-04-10" }, "2026-01-01");
    expect(changes).toEqual([
      { kind: "birthday", date: "2026-04-10", pointsChange: 5, newTotal: calculateCrs(profile({ age: 20 })).total },
    ]);
  });

  it("uses March 1 as a Feb 29 birthday in a common year, and the next year when today is the birthday", () => {
    const input = profile({ age: 33 });
    expect(comingCrsChanges(input, { ...none, dateOfBirth: "1992-02-29" }, "2026-02-28")[0].date).toBe("2026-03-01");
    expect(comingCrsChanges(input, { ...none, dateOfBirth: "1992-06-01" }, "2026-06-01")[0].date).toBe("2027-06-01");
  });

  it("returns nothing without dates", () => {
    expect(comingCrsChanges(profile({ age: 40 }), none, "2026-01-01")).toEqual([]);
  });

  it("rejects malformed dates instead of guessing", () => {
    expect(() => comingCrsChanges(profile(), { ...none, dateOfBirth: "15/08/1990" }, "2026-01-01")).toThrow(RangeError);
    expect(() => comingCrsChanges(profile(), none, "2026-13-01")).toThrow(/asOf/);
    expect(() => comingCrsChanges(profile(), { ...none, canadianWorkStartedOn: "2025-01-01" }, "2026-13-01")).toThrow(RangeError);
  });
});
