import { describe, expect, it } from "vitest";
import { ageOn, nextAnniversary } from "./age";

describe("ageOn", () => {
  const cases: Array<[string, string, string, number]> = [
    ["on the day of birth", "1990-06-15", "1990-06-15", 0],
    ["the day before the 36th birthday", "1990-06-15", "2026-06-14", 35],
    ["on the 36th birthday", "1990-06-15", "2026-06-15", 36],
    ["the day after the birthday", "1990-06-15", "2026-06-16", 36],
    ["New Year's Eve birth, next day", "1999-12-31", "2000-01-01", 0],
    ["Feb 29 birth, Feb 28 of a common year: year not complete", "2000-02-29", "2023-02-28", 22],
    ["Feb 29 birth, Mar 1 of a common year: birthday reached", "2000-02-29", "2023-03-01", 23],
    ["Feb 29 birth, Feb 28 of a leap year", "2000-02-29", "2024-02-28", 23],
    ["Feb 29 birth, Feb 29 of a leap year", "2000-02-29", "2024-02-29", 24],
    ["Mar 1 birth in a leap year, Feb 29", "2004-03-01", "2024-02-29", 19],
  ];
  it.each(cases)("%s", (_name, birth, on, expected) => {
    expect(ageOn(birth, on)).toBe(expected);
  });

  it("rejects malformed or impossible dates and a date before birth", () => {
    expect(() => ageOn("1990-6-15", "2026-01-01")).toThrow(/dateOfBirth: expected a date as YYYY-MM-DD/);
    expect(() => ageOn("2023-02-29", "2026-01-01")).toThrow(RangeError);
    expect(() => ageOn("1990-06-15", "20260101")).toThrow(/onDate/);
    expect(() => ageOn("1990-06-15", "1990-06-14")).toThrow(/before dateOfBirth/);
  });
});

describe("nextAnniversary", () => {
  const cases: Array<[string, string, string, string, number]> = [
    ["later this year", "1990-06-15", "2026-03-01", "2026-06-15", 36],
    ["on the anniversary itself: the next one", "1990-06-15", "2026-06-15", "2027-06-15", 37],
    ["the day before", "1990-06-15", "2026-06-14", "2026-06-15", 36],
    ["Feb 29 start, into a common year: March 1", "2000-02-29", "2026-01-10", "2026-03-01", 26],
    ["Feb 29 start, into a leap year: Feb 29", "2000-02-29", "2027-12-31", "2028-02-29", 28],
    ["a start in the future: its first anniversary", "2026-09-01", "2026-05-01", "2027-09-01", 1],
    ["started today", "2026-05-01", "2026-05-01", "2027-05-01", 1],
  ];
  it.each(cases)("%s", (_name, start, after, date, years) => {
    expect(nextAnniversary(start, after)).toEqual({ date, years });
  });
});
