import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import type { CrsResult, CrsSection } from "./result";
import { crsInputSchema, type CrsInput } from "./schema";
import { clb, points, profile, withSpouse } from "./test-fixtures";
import { CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS } from "./vocabulary";

describe("worked examples, checked by hand against IRCC's grid", () => {
  it("1. single, 29, bachelor's, English CLB 9/8/9/8, 1 year Canadian + 3 years foreign work → 454", () => {
    // Core (without spouse): age 29 → 110; bachelor's → 120;
    //   first language R9 31 + W8 23 + L9 31 + S8 23 = 108; no second language 0; 1 year Canadian → 40.
    //   110 + 120 + 108 + 40 = 378.
    // Transferability: lowest CLB 8 is "7+, one under 9".
    //   education + language: bachelor's (one credential) × CLB 7–8 = 13
    //   education + Canadian work: bachelor's × 1 year = 13            → pair 26 (under 50)
    //   foreign + language: 3+ years × CLB 7–8 = 25
    //   foreign + Canadian work: 3+ years × 1 year = 25                → pair 50 (at the cap)
    //   26 + 50 = 76.
    // Additional: none. Total 378 + 0 + 76 + 0 = 454.
    const result = calculateCrs(
      profile({
        age: 29,
        education: "bachelors",
        firstLanguage: { language: "english", clb: { reading: 9, writing: 8, listening: 9, speaking: 8 } },
        canadianWorkYears: 1,
        foreignWorkYears: 3,
      }),
    );
    expect(result).toMatchObject({ total: 454, core: 378, spouse: 0, transferability: 76, additional: 0 });
    expect(points(result, "education_language")).toBe(13);
    expect(points(result, "foreign_work_canadian_work")).toBe(25);
  });

  it("2. with spouse, 35, master's, French first NCLC 10, English second, sibling, Canadian diploma → 588", () => {
    // Core (with spouse): age 35 → 70; master's → 126; French first NCLC 10 ×4 → 4 × 32 = 128;
    //   English second R5 1 + W6 1 + L7 3 + S9 6 = 11 (under the 22 cap); 2 years Canadian → 46.
    //   70 + 126 + 128 + 11 + 46 = 381.
    // Spouse: bachelor's 8; language R7 3 + W7 3 + L8 3 + S9 5 = 14; 1 year Canadian 5 → 27.
    // Transferability: lowest first-language level 10 → "9+ on all four".
    //   education pair: master's × CLB 9+ = 50, master's × 2 years Canadian = 50 → capped at 50;
    //   foreign pair: 1 year abroad × CLB 9+ = 25, × 2 years Canadian = 25 → 50; → 100.
    // Additional: sibling 15; French NCLC 7+ on all four and English CLB 5+ on all four → 50;
    //   one-or-two-year Canadian credential 15 → 80.
    // Total 381 + 27 + 100 + 80 = 588.
    const result = calculateCrs(
      withSpouse({
        age: 35,
        education: "masters_or_professional",
        firstLanguage: { language: "french", clb: clb(10) },
        secondLanguage: { language: "english", clb: { reading: 5, writing: 6, listening: 7, speaking: 9 } },
        canadianWorkYears: 2,
        foreignWorkYears: 1,
        spouse: {
          education: "bachelors",
          language: { clb: { reading: 7, writing: 7, listening: 8, speaking: 9 } },
          canadianWorkYears: 1,
        },
        siblingInCanada: true,
        canadianEducation: "one_or_two_year",
      }),
    );
    expect(result).toMatchObject({ total: 588, core: 381, spouse: 27, transferability: 100, additional: 80 });
    expect(points(result, "education_cap")).toBe(-50);
  });

  it("3. tradesperson, 45, secondary, certificate of qualification, nominated → 797 (additional capped)", () => {
    // Core (without spouse): age 45 → 0; secondary → 30;
    //   English first R5 6 + W5 6 + L6 9 + S7 17 = 38; French second NCLC 9 ×4 → 4 × 6 = 24 (cap 24);
    //   6 years Canadian → 5+ row → 80.  0 + 30 + 38 + 24 + 80 = 172.
    // Transferability: lowest first-language level 5 (< 7), secondary education, no foreign work
    //   → the education and foreign pairs are 0; certificate with CLB 5+ (one under 7) → 25.
    // Additional: sibling 15 + French (NCLC 9, English CLB 5+ on all four) 50 + 3-year Canadian
    //   credential 30 + nomination 600 = 695 → capped at 600.
    // Total 172 + 0 + 25 + 600 = 797.
    const result = calculateCrs(
      profile({
        age: 45,
        education: "secondary",
        firstLanguage: { language: "english", clb: { reading: 5, writing: 5, listening: 6, speaking: 7 } },
        secondLanguage: { language: "french", clb: clb(9) },
        canadianWorkYears: 6,
        certificateOfQualification: true,
        siblingInCanada: true,
        canadianEducation: "three_year_or_more",
        provincialNomination: true,
      }),
    );
    expect(result).toMatchObject({ total: 797, core: 172, spouse: 0, transferability: 25, additional: 600 });
    expect(points(result, "additional_cap")).toBe(-95);
  });

  it("4. the maximum is 1,200 with or without a spouse", () => {
    const best = {
      age: 25,
      education: "doctoral",
      firstLanguage: { language: "english", clb: clb(12) },
      secondLanguage: { language: "french", clb: clb(12) },
      canadianWorkYears: 5,
      foreignWorkYears: 3,
      certificateOfQualification: true,
      siblingInCanada: true,
      canadianEducation: "three_year_or_more",
      provincialNomination: true,
    } as const;
    const spouse = { education: "doctoral", language: { clb: clb(12) }, canadianWorkYears: 5 } as const;
    // 500 + 100 + 600 single; 460 + 40 + 100 + 600 with a spouse.
    expect(calculateCrs(profile(best)).total).toBe(1200);
    expect(calculateCrs(withSpouse({ ...best, spouse })).total).toBe(1200);
  });
});

/** Deterministic pseudo-random profiles (LCG) so a failure is reproducible. */
function randomProfiles(count: number, seed = 7): CrsInput[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const scores = () => clb(next(13), next(13), next(13), next(13));
  const out: CrsInput[] = [];
  for (let i = 0; i < count; i++) {
    const first = next(2) === 0 ? ("english" as const) : ("french" as const);
    const accompanying = next(2) === 0;
    out.push(
      crsInputSchema.parse({
        age: next(60),
        hasAccompanyingSpouse: accompanying,
        education: EDUCATION_LEVELS[next(8)],
        firstLanguage: { language: first, clb: scores() },
        secondLanguage: next(2) ? { language: first === "english" ? "french" : "english", clb: scores() } : null,
        canadianWorkYears: next(8),
        foreignWorkYears: next(8),
        certificateOfQualification: next(4) === 0,
        spouse: accompanying || next(3) === 0 ? { education: EDUCATION_LEVELS[next(8)], language: next(2) ? { clb: scores() } : null, canadianWorkYears: next(7) } : null,
        siblingInCanada: next(3) === 0,
        canadianEducation: CANADIAN_EDUCATION_LEVELS[next(3)],
        provincialNomination: next(5) === 0,
      }),
    );
  }
  return out;
}

describe("invariants over 5,000 random profiles", () => {
  const sectionTotal = (result: CrsResult, section: CrsSection) =>
    result.breakdown.filter((line) => line.section === section).reduce((sum, line) => sum + line.points, 0);

  it("lines add up to their sections, sections to the total, and every cap holds", () => {
    // Plain checks collected into one list: 150,000 expect() calls would make this test slow.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, i: number) => {
      if (!ok && problems.length < 20) problems.push(`profile ${i}: ${what}`);
    };
    randomProfiles(5_000).forEach((input, i) => {
      const r = calculateCrs(input);
      for (const section of ["core", "spouse", "transferability", "additional"] as const) {
        check(sectionTotal(r, section) === r[section], `${section} lines do not add up`, i);
      }
      check(r.total === r.core + r.spouse + r.transferability + r.additional, "sections do not add up", i);
      check(r.core <= (input.hasAccompanyingSpouse ? 460 : 500), `core ${r.core}`, i);
      check(r.spouse <= (input.hasAccompanyingSpouse ? 40 : 0), `spouse ${r.spouse}`, i);
      check(r.transferability <= 100, `transferability ${r.transferability}`, i);
      check(r.additional <= 600, `additional ${r.additional}`, i);
      check(r.total >= 0 && r.total <= 1200, `total ${r.total}`, i);
      for (const line of r.breakdown) {
        const inRange = line.max === undefined ? line.points < 0 : line.points >= 0 && line.points <= line.max;
        check(inRange && Number.isInteger(line.points), `${line.factor} = ${line.points}`, i);
      }
    });
    expect(problems).toEqual([]);
  });

  it("shares frozen lines, so a caller cannot change another client's breakdown", () => {
    const [a, b] = [calculateCrs(profile()), calculateCrs(profile())];
    expect(a.breakdown[0]).toBe(b.breakdown[0]);
    expect(Object.isFrozen(a.breakdown[0])).toBe(true);
    expect(() => {
      (a.breakdown[0] as { points: number }).points = 0;
    }).toThrow(TypeError);
  });

  it("lists the lines in a stable order the UI can rely on", () => {
    const factors = calculateCrs(withSpouse()).breakdown.map((line) => line.factor);
    expect(factors).toEqual([
      "age", "education",
      "first_language_reading", "first_language_writing", "first_language_listening", "first_language_speaking",
      "second_language_reading", "second_language_writing", "second_language_listening", "second_language_speaking",
      "canadian_work",
      "spouse_education", "spouse_language_reading", "spouse_language_writing", "spouse_language_listening",
      "spouse_language_speaking", "spouse_canadian_work",
      "education_language", "education_canadian_work", "foreign_work_language", "foreign_work_canadian_work",
      "certificate_language",
      "sibling", "french", "canadian_education", "provincial_nomination",
    ]);
  });
});

describe("speed", () => {
  it("scores 100,000 profiles in well under a second", () => {
    const sample = randomProfiles(1_000);
    const profiles = Array.from({ length: 100_000 }, (_, i) => sample[i % sample.length]);
    for (const input of sample) calculateCrs(input); // warm the JIT and the shared lines
    const started = performance.now();
    const results = profiles.map(calculateCrs);
    const elapsed = performance.now() - started;
    expect(results).toHaveLength(100_000);
    // Typically ~100–200 ms on a 2-core CI machine; the bound leaves room for a busy one.
    expect(elapsed).toBeLessThan(1_000);
  });
});
