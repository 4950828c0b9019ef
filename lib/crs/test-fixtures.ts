/** Profiles and helpers for the CRS tests (imported by *.test.ts only). */
import { calculateCrs } from "./calculate";
import type { CrsFactor, CrsResult } from "./result";
import { crsInputSchema, type ClbScores, type CrsInput } from "./schema";

export const clb = (reading: number, writing = reading, listening = reading, speaking = reading): ClbScores => ({
  reading,
  writing,
  listening,
  speaking,
});

/** A single 29-year-old with a bachelor's, English CLB 9 and nothing else: the "plain" client. */
export function profile(overrides: Partial<CrsInput> = {}): CrsInput {
  const base: CrsInput = {
    age: 29,
    hasAccompanyingSpouse: false,
    education: "bachelors",
    firstLanguage: { language: "english", clb: clb(9) },
    secondLanguage: null,
    canadianWorkYears: 0,
    foreignWorkYears: 0,
    certificateOfQualification: false,
    spouse: null,
    siblingInCanada: false,
    canadianEducation: "none",
    provincialNomination: false,
  };
  // Parsing guards the tests themselves: a fixture the schema would reject is a broken test.
  return crsInputSchema.parse({ ...base, ...overrides });
}

export const withSpouse = (overrides: Partial<CrsInput> = {}): CrsInput =>
  profile({
    hasAccompanyingSpouse: true,
    spouse: { education: "less_than_secondary", language: null, canadianWorkYears: 0 },
    ...overrides,
  });

/** Points of one breakdown line; 0 when the line is absent (cap lines appear only when they bite). */
export function points(result: CrsResult, factor: CrsFactor): number {
  return result.breakdown.find((line) => line.factor === factor)?.points ?? 0;
}

export const score = (input: CrsInput, factor: CrsFactor): number => points(calculateCrs(input), factor);
