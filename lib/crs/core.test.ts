import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import { clb, points, profile, score, withSpouse } from "./test-fixtures";

// Expected values are typed from IRCC's grid here on purpose, not imported from tables.ts, so a
// typo in the tables fails a test instead of agreeing with itself.

describe("core: age", () => {
  // [age, with spouse, without spouse]
  const rows: Array<[number, number, number]> = [
    [0, 0, 0], [17, 0, 0], [18, 90, 99], [19, 95, 105], [20, 100, 110], [25, 100, 110], [29, 100, 110],
    [30, 95, 105], [31, 90, 99], [32, 85, 94], [33, 80, 88], [34, 75, 83], [35, 70, 77], [36, 65, 72],
    [37, 60, 66], [38, 55, 61], [39, 50, 55], [40, 45, 50], [41, 35, 39], [42, 25, 28], [43, 15, 17],
    [44, 5, 6], [45, 0, 0], [60, 0, 0], [120, 0, 0],
  ];
  it.each(rows)("age %i scores %i with a spouse and %i without", (age, married, single) => {
    expect(score(withSpouse({ age }), "age")).toBe(married);
    expect(score(profile({ age }), "age")).toBe(single);
  });
});

describe("core: education", () => {
  const rows = [
    ["less_than_secondary", 0, 0],
    ["secondary", 28, 30],
    ["one_year", 84, 90],
    ["two_year", 91, 98],
    ["bachelors", 112, 120],
    ["two_or_more", 119, 128],
    ["masters_or_professional", 126, 135],
    ["doctoral", 140, 150],
  ] as const;
  it.each(rows)("%s scores %i with a spouse and %i without", (education, married, single) => {
    expect(score(withSpouse({ education }), "education")).toBe(married);
    expect(score(profile({ education }), "education")).toBe(single);
  });
});

describe("core: first official language, per ability", () => {
  const rows: Array<[number, number, number]> = [
    [0, 0, 0], [3, 0, 0], [4, 6, 6], [5, 6, 6], [6, 8, 9], [7, 16, 17], [8, 22, 23], [9, 29, 31],
    [10, 32, 34], [11, 32, 34], [12, 32, 34],
  ];
  it.each(rows)("CLB %i scores %i with a spouse and %i without", (level, married, single) => {
    const firstLanguage = { language: "english" as const, clb: clb(level) };
    for (const factor of ["first_language_reading", "first_language_writing", "first_language_listening", "first_language_speaking"] as const) {
      expect(score(withSpouse({ firstLanguage }), factor)).toBe(married);
      expect(score(profile({ firstLanguage }), factor)).toBe(single);
    }
  });

  it("scores each ability on its own level, in either language", () => {
    const result = calculateCrs(profile({ firstLanguage: { language: "french", clb: clb(10, 8, 6, 4) } }));
    expect(points(result, "first_language_reading")).toBe(34);
    expect(points(result, "first_language_writing")).toBe(23);
    expect(points(result, "first_language_listening")).toBe(9);
    expect(points(result, "first_language_speaking")).toBe(6);
    expect(result.breakdown[2].label).toBe("First official language (French): reading");
  });
});

describe("core: second official language", () => {
  const second = (level: number) => ({ language: "french" as const, clb: clb(level) });
  const rows: Array<[number, number]> = [[0, 0], [4, 0], [5, 1], [6, 1], [7, 3], [8, 3], [9, 6], [12, 6]];
  it.each(rows)("CLB %i scores %i per ability in both columns", (level, each) => {
    expect(score(profile({ secondLanguage: second(level) }), "second_language_reading")).toBe(each);
    expect(score(withSpouse({ secondLanguage: second(level) }), "second_language_speaking")).toBe(each);
  });

  it("caps at 22 with a spouse (4 × 6 = 24 shows a −2 cap line) and at 24 without", () => {
    const married = calculateCrs(withSpouse({ secondLanguage: second(9) }));
    const single = calculateCrs(profile({ secondLanguage: second(9) }));
    expect(points(married, "second_language_cap")).toBe(-2);
    expect(points(single, "second_language_cap")).toBe(0);
    expect(single.breakdown.some((line) => line.factor === "second_language_cap")).toBe(false);
    // Base core without the second language: with spouse 100 + 112 + 4×29 = 328; single 110 + 120 + 4×31 = 354.
    expect(married.core).toBe(328 + 22);
    expect(single.core).toBe(354 + 24);
  });

  it("is under the cap with a spouse at 6+6+6+3 = 21", () => {
    const married = calculateCrs(withSpouse({ secondLanguage: { language: "french", clb: clb(9, 9, 9, 7) } }));
    expect(points(married, "second_language_cap")).toBe(0);
    expect(married.core).toBe(328 + 21);
  });

  it("scores 0 without a second language", () => {
    const result = calculateCrs(profile());
    expect(points(result, "second_language_reading")).toBe(0);
    expect(result.breakdown.find((l) => l.factor === "second_language_reading")?.label).toBe(
      "Second official language (none): reading",
    );
  });
});

describe("core: Canadian work experience", () => {
  const rows: Array<[number, number, number]> = [
    [0, 0, 0], [1, 35, 40], [2, 46, 53], [3, 56, 64], [4, 63, 72], [5, 70, 80], [6, 70, 80], [30, 70, 80],
  ];
  it.each(rows)("%i years score %i with a spouse and %i without", (years, married, single) => {
    expect(score(withSpouse({ canadianWorkYears: years }), "canadian_work")).toBe(married);
    expect(score(profile({ canadianWorkYears: years }), "canadian_work")).toBe(single);
  });
});

describe("core: maxima", () => {
  const best = { age: 25, education: "doctoral", firstLanguage: { language: "english", clb: clb(12) }, secondLanguage: { language: "french", clb: clb(12) }, canadianWorkYears: 9 } as const;
  it("reaches 460 with a spouse and 500 without", () => {
    expect(calculateCrs(withSpouse(best)).core).toBe(460);
    expect(calculateCrs(profile(best)).core).toBe(500);
  });
});
