import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import type { CrsInput } from "./schema";
import type { EducationLevel } from "./vocabulary";
import { clb, points, profile, withSpouse } from "./test-fixtures";

const english = (r: number, w = r, l = r, s = r) => ({ language: "english" as const, clb: clb(r, w, l, s) });
const transfer = (overrides: Partial<CrsInput>) => calculateCrs(profile(overrides));

describe("transferability: education + first official language", () => {
  // The language band is the LOWEST of the four abilities: 7+ (one under 9) or 9+ on all four.
  const rows: Array<[EducationLevel, number, number, number]> = [
    // education, below CLB 7, CLB 7–8, CLB 9+
    ["less_than_secondary", 0, 0, 0],
    ["secondary", 0, 0, 0],
    ["one_year", 0, 13, 25],
    ["two_year", 0, 13, 25],
    ["bachelors", 0, 13, 25],
    ["two_or_more", 0, 25, 50],
    ["masters_or_professional", 0, 25, 50],
    ["doctoral", 0, 25, 50],
  ];
  it.each(rows)("%s: %i below CLB 7, %i at CLB 7–8, %i at CLB 9+", (education, low, mid, high) => {
    expect(points(transfer({ education, firstLanguage: english(6, 9, 9, 9) }), "education_language")).toBe(low);
    expect(points(transfer({ education, firstLanguage: english(10, 10, 10, 8) }), "education_language")).toBe(mid);
    expect(points(transfer({ education, firstLanguage: english(7) }), "education_language")).toBe(mid);
    expect(points(transfer({ education, firstLanguage: english(9) }), "education_language")).toBe(high);
  });
});

describe("transferability: education + Canadian work", () => {
  const rows: Array<[EducationLevel, number, number, number]> = [
    // education, 0 years, 1 year, 2+ years
    ["secondary", 0, 0, 0],
    ["one_year", 0, 13, 25],
    ["bachelors", 0, 13, 25],
    ["two_or_more", 0, 25, 50],
    ["doctoral", 0, 25, 50],
  ];
  it.each(rows)("%s: %i / %i / %i for 0 / 1 / 2+ years", (education, none, one, more) => {
    const at = (canadianWorkYears: number) =>
      points(transfer({ education, canadianWorkYears, firstLanguage: english(4) }), "education_canadian_work");
    expect([at(0), at(1), at(2), at(5)]).toEqual([none, one, more, more]);
  });
});

describe("transferability: foreign work experience", () => {
  const rows: Array<[number, number, number, number, number]> = [
    // years abroad, + CLB 7–8, + CLB 9+, + 1 year Canadian, + 2 years Canadian
    [0, 0, 0, 0, 0],
    [1, 13, 25, 13, 25],
    [2, 13, 25, 13, 25],
    [3, 25, 50, 25, 50],
    [10, 25, 50, 25, 50],
  ];
  it.each(rows)("%i years abroad: language %i / %i, Canadian work %i / %i", (foreignWorkYears, lang7, lang9, cdn1, cdn2) => {
    const base = { education: "secondary" as const, foreignWorkYears };
    const at = (overrides: Partial<CrsInput>, factor: "foreign_work_language" | "foreign_work_canadian_work") =>
      points(transfer({ ...base, ...overrides }), factor);
    expect(at({ firstLanguage: english(8) }, "foreign_work_language")).toBe(lang7);
    expect(at({ firstLanguage: english(9) }, "foreign_work_language")).toBe(lang9);
    expect(at({ firstLanguage: english(6), canadianWorkYears: 1 }, "foreign_work_canadian_work")).toBe(cdn1);
    expect(at({ firstLanguage: english(6), canadianWorkYears: 2 }, "foreign_work_canadian_work")).toBe(cdn2);
  });
});

describe("transferability: certificate of qualification + first official language", () => {
  const rows: Array<[boolean, number, number]> = [
    [false, 10, 0],
    [true, 4, 0],
    [true, 5, 25],
    [true, 6, 25],
    [true, 7, 50],
    [true, 12, 50],
  ];
  it.each(rows)("certificate %s with lowest CLB %i scores %i", (certificateOfQualification, level, expected) => {
    const result = transfer({ education: "secondary", certificateOfQualification, firstLanguage: english(12, 12, 12, level) });
    expect(points(result, "certificate_language")).toBe(expected);
    expect(result.transferability).toBe(expected);
  });
});

describe("transferability caps", () => {
  it("caps the education pair at 50 (50 + 50 → 50, a −50 cap line)", () => {
    const result = transfer({ education: "masters_or_professional", firstLanguage: english(9), canadianWorkYears: 2 });
    expect(points(result, "education_language")).toBe(50);
    expect(points(result, "education_canadian_work")).toBe(50);
    expect(points(result, "education_cap")).toBe(-50);
    expect(result.transferability).toBe(50);
  });

  it("caps the education pair at 50 when 25 + 50 would be 75", () => {
    const result = transfer({ education: "doctoral", firstLanguage: english(8), canadianWorkYears: 2 });
    expect([points(result, "education_language"), points(result, "education_canadian_work")]).toEqual([25, 50]);
    expect(points(result, "education_cap")).toBe(-25);
    expect(result.transferability).toBe(50);
  });

  it("does not cap 25 + 25 = 50 (no cap line)", () => {
    const result = transfer({ education: "bachelors", firstLanguage: english(9), canadianWorkYears: 2 });
    expect(result.breakdown.some((line) => line.factor === "education_cap")).toBe(false);
    expect(result.transferability).toBe(50);
  });

  it("caps the foreign-work pair at 50", () => {
    const result = transfer({ education: "secondary", foreignWorkYears: 3, firstLanguage: english(9), canadianWorkYears: 2 });
    expect(points(result, "foreign_work_language") + points(result, "foreign_work_canadian_work")).toBe(100);
    expect(points(result, "foreign_work_cap")).toBe(-50);
    expect(result.transferability).toBe(50);
  });

  it("caps the whole section at 100 (50 + 50 + 50 → 100)", () => {
    const input = {
      education: "doctoral" as const,
      foreignWorkYears: 3,
      canadianWorkYears: 2,
      certificateOfQualification: true,
      firstLanguage: english(9),
    };
    for (const result of [transfer(input), calculateCrs(withSpouse(input))]) {
      expect(points(result, "certificate_language")).toBe(50);
      expect(points(result, "transferability_cap")).toBe(-50);
      expect(result.transferability).toBe(100);
    }
  });

  it("reaches exactly 100 without the section cap line", () => {
    const result = transfer({ education: "two_or_more", foreignWorkYears: 3, firstLanguage: english(9) });
    expect(result.transferability).toBe(100);
    expect(result.breakdown.some((line) => line.factor === "transferability_cap")).toBe(false);
  });

  it("uses only the first official language, not the second", () => {
    const result = transfer({
      education: "doctoral",
      firstLanguage: english(6),
      secondLanguage: { language: "french", clb: clb(12) },
    });
    expect(result.transferability).toBe(0);
  });
});
