import { describe, expect, it } from "vitest";
import { calculateCrs } from "./calculate";
import { formatIssues } from "./format-issues";
import { crsInputSchema } from "./schema";
import { clb, profile } from "./test-fixtures";

/** A profile whose languages are given as test results instead of CLB levels. */
const base = {
  age: 29,
  hasAccompanyingSpouse: false,
  education: "bachelors",
  firstLanguage: { test: "ielts_general", scores: { listening: 8, reading: 7, writing: 7, speaking: 7 } },
  secondLanguage: { test: "tef_canada", scores: { listening: 434, reading: 434, writing: 428, speaking: 456 } },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  siblingInCanada: false,
  canadianEducation: "none",
  provincialNomination: false,
};

function errors(input: unknown): string[] {
  const parsed = crsInputSchema.safeParse(input);
  return parsed.success ? [] : formatIssues(parsed.error);
}

describe("crsInputSchema: languages as test results", () => {
  it("converts scores to CLB/NCLC, takes the language from the test and keeps the scores", () => {
    const parsed = crsInputSchema.parse(base);
    expect(parsed.firstLanguage).toEqual({ language: "english", test: "ielts_general", scores: base.firstLanguage.scores, clb: clb(9, 9, 9, 9) });
    expect(parsed.secondLanguage).toMatchObject({ language: "french", clb: clb(7) });
  });

  it("scores the same as the CLB levels the chart gives", () => {
    const fromTests = calculateCrs(crsInputSchema.parse(base));
    const fromClb = calculateCrs(
      profile({ canadianWorkYears: 1, foreignWorkYears: 3, firstLanguage: { language: "english", clb: clb(9) }, secondLanguage: { language: "french", clb: clb(7) } }),
    );
    expect(fromTests.total).toBe(fromClb.total);
    expect(fromTests.total).toBeGreaterThan(0);
  });

  it("parses its own output again to the same profile (stored factors are re-read on every page)", () => {
    const once = crsInputSchema.parse(base);
    expect(crsInputSchema.parse(once)).toEqual(once);
  });

  it("accepts a spouse's test results", () => {
    const parsed = crsInputSchema.parse({
      ...base,
      hasAccompanyingSpouse: true,
      spouse: { education: "secondary", language: { test: "celpip_general", scores: { listening: 7, reading: 6, writing: 5, speaking: 9 } }, canadianWorkYears: 0 },
    });
    expect(parsed.spouse?.language?.clb).toEqual({ reading: 6, writing: 5, listening: 7, speaking: 9 });
  });

  const cases: [string, unknown, string[]][] = [
    ["IELTS 9.5", { ...base, firstLanguage: { test: "ielts_general", scores: { ...base.firstLanguage.scores, reading: 9.5 } } }, [
      "firstLanguage.scores.reading: expected a band from 0 to 9 in steps of 0.5 for IELTS General Training reading, got 9.5",
    ]],
    ["IELTS quarter band", { ...base, firstLanguage: { test: "ielts_general", scores: { ...base.firstLanguage.scores, listening: 7.25 } } }, [
      "firstLanguage.scores.listening: expected a band from 0 to 9 in steps of 0.5 for IELTS General Training listening, got 7.25",
    ]],
    ["TEF 700", { ...base, secondLanguage: { test: "tef_canada", scores: { ...base.secondLanguage.scores, speaking: 700 } } }, [
      "secondLanguage.scores.speaking: expected a score from 0 to 699 (whole numbers) for TEF Canada speaking, got 700",
    ]],
    ["TCF writing 21", { ...base, secondLanguage: { test: "tcf_canada", scores: { listening: 500, reading: 500, writing: 21, speaking: 12 } } }, [
      "secondLanguage.scores.writing: expected a score from 0 to 20 (whole numbers) for TCF Canada writing, got 21",
    ]],
    ["CELPIP 0", { ...base, firstLanguage: { test: "celpip_general", scores: { listening: 0, reading: 9, writing: 9, speaking: 9 } } }, [
      "firstLanguage.scores.listening: expected a level from 1 to 12 (whole numbers) for CELPIP-General listening, got 0",
    ]],
    ["PTE 9", { ...base, firstLanguage: { test: "pte_core", scores: { listening: 9, reading: 60, writing: 69, speaking: 68 } } }, [
      "firstLanguage.scores.listening: expected a score from 10 to 90 (whole numbers) for PTE Core listening, got 9",
    ]],
    ["unknown test", { ...base, firstLanguage: { test: "toefl", scores: base.firstLanguage.scores } }, [
      'firstLanguage.test: expected one of ielts_general, celpip_general, pte_core, tef_canada, tcf_canada, got "toefl"',
    ]],
    ["a score as text", { ...base, firstLanguage: { test: "ielts_general", scores: { ...base.firstLanguage.scores, writing: "7" } } }, [
      'firstLanguage.scores.writing: expected a number, got "7"',
    ]],
    ["a missing score", { ...base, firstLanguage: { test: "ielts_general", scores: { listening: 8, reading: 7, writing: 7 } } }, [
      "firstLanguage.scores.speaking: expected a number, got nothing (missing)",
    ]],
    ["a language the test is not in", { ...base, firstLanguage: { language: "french", ...base.firstLanguage } }, [
      'firstLanguage.language: IELTS General Training is an English test: expected "english" or no language, got "french"',
    ]],
    ["two tests of one language", { ...base, secondLanguage: { test: "pte_core", scores: { listening: 60, reading: 60, writing: 69, speaking: 68 } } }, [
      'secondLanguage.language: must differ from firstLanguage.language, both are "english"',
    ]],
  ];
  it.each(cases)("reports %s naming the field and the scale", (_name, input, expected) => {
    expect(errors(input)).toEqual(expected);
  });

  it("still reports CLB errors as before when no test is given", () => {
    expect(errors({ ...base, firstLanguage: { language: "english", clb: clb(13, 8, 9, 8) } })).toEqual(["firstLanguage.clb.reading: expected an integer from 0 to 12, got 13"]);
  });
});
