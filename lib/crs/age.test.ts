import { addDays, addYears, differenceInYears } from "date-fns";
import { describe, expect, it } from "vitest";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { ageOn, nextAnniversary } from "./age";
import { formatIsoDate, parseIsoDate } from "./iso-date";

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

/** nextAnniversary as date-fns states it (its earlier implementation): the oracle for the integer one. */
function byDateFns(start: string, after: string): { date: string; years: number } {
  const from = parseIsoDate(start, "start");
  const asOf = parseIsoDate(after, "after");
  const years = asOf < from ? 1 : differenceInYears(asOf, from) + 1;
  let date = addYears(from, years);
  if (differenceInYears(date, from) < years) date = addDays(date, 1);
  return { date: formatIsoDate(date), years };
}

describe("nextAnniversary against date-fns", () => {
  it("agrees on every day of eight years, for starts around leap days and year ends", () => {
    const starts = ["1996-02-29", "2000-02-29", "1999-02-28", "1999-03-01", "1990-12-31", "1991-01-01", "2027-06-15", "1985-07-04"];
    for (let day = 0; day < 8 * 366; day += 1) {
      const after = addDaysToDate("2024-01-01", day);
      for (const start of starts) expect(nextAnniversary(start, after), `${start} after ${after}`).toEqual(byDateFns(start, after));
    }
  });

  it("rejects dates that do not exist", () => {
    expect(() => nextAnniversary("2023-02-29", "2026-01-01")).toThrow(/start: expected a date as YYYY-MM-DD/);
    expect(() => nextAnniversary("1990-06-15", "2026-13-01")).toThrow(/after/);
  });
});
