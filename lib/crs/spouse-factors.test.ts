import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import type { SpouseFactors } from "./schema";
import { clb, points, profile, withSpouse } from "./test-fixtures";

const spouse = (overrides: Partial<SpouseFactors>): SpouseFactors => ({
  education: "less_than_secondary",
  language: null,
  canadianWorkYears: 0,
  ...overrides,
});

describe("spouse factors", () => {
  const education = [
    ["less_than_secondary", 0], ["secondary", 2], ["one_year", 6], ["two_year", 7], ["bachelors", 8],
    ["two_or_more", 9], ["masters_or_professional", 10], ["doctoral", 10],
  ] as const;
  it.each(education)("spouse education %s scores %i", (level, expected) => {
    const result = calculateCrs(withSpouse({ spouse: spouse({ education: level }) }));
    expect(points(result, "spouse_education")).toBe(expected);
    expect(result.spouse).toBe(expected);
  });

  const language: Array<[number, number]> = [[0, 0], [4, 0], [5, 1], [6, 1], [7, 3], [8, 3], [9, 5], [10, 5], [12, 5]];
  it.each(language)("spouse CLB %i scores %i per ability", (level, each) => {
    const result = calculateCrs(withSpouse({ spouse: spouse({ language: { clb: clb(level) } }) }));
    for (const f of ["spouse_language_reading", "spouse_language_writing", "spouse_language_listening", "spouse_language_speaking"] as const) {
      expect(points(result, f)).toBe(each);
    }
    expect(result.spouse).toBe(4 * each);
  });

  const work: Array<[number, number]> = [[0, 0], [1, 5], [2, 7], [3, 8], [4, 9], [5, 10], [8, 10]];
  it.each(work)("spouse Canadian work of %i years scores %i", (years, expected) => {
    expect(calculateCrs(withSpouse({ spouse: spouse({ canadianWorkYears: years }) })).spouse).toBe(expected);
  });

  it("reaches the 40-point maximum", () => {
    const best = spouse({ education: "doctoral", language: { clb: clb(10) }, canadianWorkYears: 5 });
    expect(calculateCrs(withSpouse({ spouse: best })).spouse).toBe(40);
  });

  it("ignores a spouse who does not accompany (citizen/PR or staying behind): single columns, no spouse lines", () => {
    const best = spouse({ education: "doctoral", language: { clb: clb(10) }, canadianWorkYears: 5 });
    const notComing = calculateCrs(profile({ hasAccompanyingSpouse: false, spouse: best }));
    const single = calculateCrs(profile());
    expect(notComing).toEqual(single);
    expect(notComing.breakdown.some((line) => line.section === "spouse")).toBe(false);
  });
});
