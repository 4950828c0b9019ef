import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import type { CrsInput } from "./schema";
import { clb, points, profile } from "./test-fixtures";

const english = (r: number, w = r, l = r, s = r) => ({ language: "english" as const, clb: clb(r, w, l, s) });
const french = (r: number, w = r, l = r, s = r) => ({ language: "french" as const, clb: clb(r, w, l, s) });
const frenchPoints = (overrides: Partial<CrsInput>) => points(calculateCrs(profile(overrides)), "french");

describe("additional points: French-language skills", () => {
  const cases: Array<[string, Partial<CrsInput>, number]> = [
    ["French first NCLC 7 on all four, English second CLB 5 on all four", { firstLanguage: french(7), secondLanguage: english(5) }, 50],
    ["English first CLB 9, French second NCLC 7+", { firstLanguage: english(9), secondLanguage: french(7, 8, 9, 12) }, 50],
    ["French first NCLC 10, no English result", { firstLanguage: french(10), secondLanguage: null }, 25],
    ["French NCLC 7+, English CLB 4 in one ability", { firstLanguage: french(9), secondLanguage: english(6, 6, 6, 4) }, 25],
    ["French NCLC 7+, English CLB 0 (no real result)", { firstLanguage: english(0), secondLanguage: french(7) }, 25],
    ["French NCLC 6 in one ability: no bonus", { firstLanguage: french(9, 9, 9, 6), secondLanguage: english(9) }, 0],
    ["English only: no bonus", { firstLanguage: english(10), secondLanguage: null }, 0],
    ["French second NCLC 6, English CLB 10: no bonus", { firstLanguage: english(10), secondLanguage: french(6) }, 0],
  ];
  it.each(cases)("%s → %i", (_name, overrides, expected) => {
    expect(frenchPoints(overrides)).toBe(expected);
  });
});

describe("additional points: other factors", () => {
  it.each([
    ["sibling in Canada", { siblingInCanada: true }, "sibling", 15],
    ["Canadian credential of one or two years", { canadianEducation: "one_or_two_year" }, "canadian_education", 15],
    ["Canadian credential of three years or more", { canadianEducation: "three_year_or_more" }, "canadian_education", 30],
    ["no Canadian credential", { canadianEducation: "none" }, "canadian_education", 0],
    ["provincial nomination", { provincialNomination: true }, "provincial_nomination", 600],
  ] as const)("%s", (_name, overrides, factor, expected) => {
    const result = calculateCrs(profile(overrides));
    expect(points(result, factor)).toBe(expected);
    expect(result.additional).toBe(expected);
  });

  it("has no arranged-employment (job offer) factor any more", () => {
    const factors = calculateCrs(profile()).breakdown.map((line) => line.factor);
    expect(factors.filter((f) => /job|employment|offer/.test(f))).toEqual([]);
  });
});

describe("additional points: 600 cap", () => {
  it("stops at 600 with a cap line for the excess (600 + 15 + 50 + 30 = 695 → 600)", () => {
    const result = calculateCrs(
      profile({
        provincialNomination: true,
        siblingInCanada: true,
        firstLanguage: english(9),
        secondLanguage: french(7),
        canadianEducation: "three_year_or_more",
      }),
    );
    expect(points(result, "additional_cap")).toBe(-95);
    expect(result.additional).toBe(600);
  });

  it("does not cap below 600 (15 + 50 + 30 = 95)", () => {
    const result = calculateCrs(
      profile({ siblingInCanada: true, secondLanguage: french(7), canadianEducation: "three_year_or_more" }),
    );
    expect(result.additional).toBe(95);
    expect(result.breakdown.some((line) => line.factor === "additional_cap")).toBe(false);
  });

  it("a nomination alone is exactly 600 with no cap line", () => {
    const result = calculateCrs(profile({ provincialNomination: true }));
    expect(result.additional).toBe(600);
    expect(result.breakdown.some((line) => line.factor === "additional_cap")).toBe(false);
  });
});
